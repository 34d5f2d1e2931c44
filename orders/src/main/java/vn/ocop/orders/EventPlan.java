package vn.ocop.orders;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a producer schedules: a title, the planned start and end (at most 12 hours apart), and the live video's
 * link, a YouTube or Facebook URL that the event page embeds. Checked here, so a bad plan is never stored.
 */
public record EventPlan(String title, String videoUrl, OffsetDateTime plannedStart, OffsetDateTime plannedEnd) {

    static final Duration LONGEST = Duration.ofHours(12);
    private static final Pattern YOUTUBE = Pattern.compile(
            "https://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?v=|live/|embed/)|youtu\\.be/)([A-Za-z0-9_-]{6,20})(?:[?&#].*)?");
    /** Only characters a URL may carry unescaped (RFC 3986), so the link is a valid URI and safe in an attribute. */
    private static final Pattern FACEBOOK = Pattern.compile(
            "https://(?:www\\.|m\\.|web\\.)?(?:facebook\\.com|fb\\.watch)/[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]+");

    public EventPlan {
        title = title == null ? "" : title.strip();
        videoUrl = videoUrl == null ? "" : videoUrl.strip();
        if (title.length() < 3 || title.length() > 150) {
            throw invalid("a title is 3 to 150 characters");
        }
        if (videoUrl.length() > 500 || embedUrl(videoUrl) == null) {
            throw invalid("the video link is a YouTube (youtube.com/watch?v=…, youtube.com/live/…, youtu.be/…) or Facebook live URL");
        }
        if (plannedStart == null || plannedEnd == null || !plannedEnd.isAfter(plannedStart)
                || Duration.between(plannedStart, plannedEnd).compareTo(LONGEST) > 0) {
            throw invalid("the planned end comes after the planned start, at most 12 hours later");
        }
    }

    /** The embeddable player for a YouTube or Facebook link; null for anything else. */
    public static String embedUrl(String link) {
        if (link == null) {
            return null;
        }
        Matcher youtube = YOUTUBE.matcher(link);
        if (youtube.matches()) {
            return "https://www.youtube-nocookie.com/embed/" + youtube.group(1) + "?autoplay=1&mute=1";
        }
        if (FACEBOOK.matcher(link).matches() && hasHost(link)) {
            return "https://www.facebook.com/plugins/video.php?href=" + URLEncoder.encode(link, StandardCharsets.UTF_8) + "&show_text=false";
        }
        return null;
    }

    private static boolean hasHost(String link) {
        try {
            return new URI(link).getHost() != null;
        } catch (URISyntaxException e) {
            return false; // a stray % or bracket: not a link we can embed
        }
    }

    private static OrdersException invalid(String rule) {
        return new OrdersException(OrdersErrorCode.INVALID_REQUEST, rule);
    }
}
