package vn.ocop.storefront.web.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.ocop.catalog.OcopGroup;

class IllustrationTests {

    @Test
    void theNameDecidesTheKindOfFoodDrinkAndHerb() {
        assertThat(Illustration.of(OcopGroup.FOOD, "Mật ong Bạc hà Tuấn Dũng")).isEqualTo(Illustration.HONEY);
        assertThat(Illustration.of(OcopGroup.FOOD, "MẬT ONG RỪNG")).isEqualTo(Illustration.HONEY);
        assertThat(Illustration.of(OcopGroup.FOOD, "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm")).isEqualTo(Illustration.FISH_SAUCE);
        assertThat(Illustration.of(OcopGroup.FOOD, "Khô cá lưỡi trâu")).isEqualTo(Illustration.FISH_SAUCE);
        assertThat(Illustration.of(OcopGroup.DRINKS, "Cà phê Chư Mui")).isEqualTo(Illustration.COFFEE);
        assertThat(Illustration.of(OcopGroup.DRINKS, "Trà Shan tuyết")).isEqualTo(Illustration.TEA);
        assertThat(Illustration.of(OcopGroup.DRINKS, "Rượu vang Phan Rang")).isEqualTo(Illustration.DRINKS);
        assertThat(Illustration.of(OcopGroup.DRINKS, "Nước khoáng thiên nhiên Quang Hanh")).isEqualTo(Illustration.DRINKS);
        assertThat(Illustration.of(OcopGroup.FOOD, "Gạo hữu cơ An Lỗ")).isEqualTo(Illustration.RICE);
        assertThat(Illustration.of(OcopGroup.FOOD, "Bún khô Miền Xưa")).isEqualTo(Illustration.RICE);
        assertThat(Illustration.of(OcopGroup.FOOD, "Bưởi da xanh Ninh Thới")).isEqualTo(Illustration.FRUIT);
        assertThat(Illustration.of(OcopGroup.FOOD, "Cà rốt tươi Nhân Huệ")).isEqualTo(Illustration.VEGETABLES);
        assertThat(Illustration.of(OcopGroup.FOOD, "Bí xanh thơm Ba Bể")).isEqualTo(Illustration.VEGETABLES);
        assertThat(Illustration.of(OcopGroup.FOOD, "Kẹo dừa sáp cacao")).isEqualTo(Illustration.CAKES);
        assertThat(Illustration.of(OcopGroup.FOOD, "Muối tinh Bạc Liêu")).isEqualTo(Illustration.SPICES);
        assertThat(Illustration.of(OcopGroup.HERBAL, "Cao đảng sâm")).isEqualTo(Illustration.HERBS);
        assertThat(Illustration.of(OcopGroup.HERBAL, "Viên Hà thủ ô 5 trong 1")).isEqualTo(Illustration.HERBS);
        assertThat(Illustration.of(OcopGroup.FOOD, "Thịt lợn bản Mường Khương")).isEqualTo(Illustration.GENERIC);
    }

    @Test
    void craftsPlantsAndTourismGoByTheirGroupWhateverTheirName() {
        assertThat(Illustration.of(OcopGroup.HANDICRAFT, "Bộ bát đĩa hoa sen đỏ")).isEqualTo(Illustration.HANDICRAFT);
        assertThat(Illustration.of(OcopGroup.ORNAMENTAL, "Lan đột biến")).isEqualTo(Illustration.PLANTS);
        assertThat(Illustration.of(OcopGroup.TOURISM, "Điểm du lịch Vườn lan Thảo Nguyên")).isEqualTo(Illustration.HOMESTAY);
        assertThat(Illustration.of(OcopGroup.HERBAL, "Sản phẩm X")).isEqualTo(Illustration.HERBS);
    }

    @Test
    void everyIllustrationIsDrawnAndNamedInBothLanguages() throws IOException {
        Properties vi = properties("messages-media.properties");
        Properties en = properties("messages-media_en.properties");
        for (Illustration i : Illustration.values()) {
            ClassPathResource svg = new ClassPathResource("static" + i.src());
            assertThat(svg.exists()).as(i.src()).isTrue();
            assertThat(svg.contentLength()).as(i.src()).isLessThan(4096);
            assertThat(vi.getProperty(i.messageKey())).as(i.messageKey()).isNotBlank();
            assertThat(en.getProperty(i.messageKey())).as(i.messageKey()).isNotBlank();
        }
        assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    }

    private static Properties properties(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = new ClassPathResource(name).getInputStream()) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
