package vn.ocop.catalog.listings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The images directory on disk. File I/O blocks, so every call runs on the bounded elastic scheduler. */
final class ImageFiles {

    private final Path directory;

    ImageFiles(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path pathOf(String fileName) {
        return directory.resolve(fileName);
    }

    /** Writes a new file; never overwrites one. */
    Mono<Path> write(String fileName, byte[] bytes) {
        return Mono.fromCallable(() -> {
            Files.createDirectories(directory);
            return Files.write(pathOf(fileName), bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> delete(String fileName) {
        return Mono.fromCallable(() -> deleteQuietly(pathOf(fileName)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false; // an orphan file harms no one: no row points at it
        }
    }
}
