package fi.celia.celianet.maintenance.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fi.celia.celianet.maintenance.ClosableService;
import fi.celia.celianet.maintenance.ContactChannel;
import fi.celia.celianet.maintenance.MaintenanceWindow;
import org.springframework.jdbc.core.RowMapper;

/** Reads a {@code maintenance_window} row. */
public final class WindowRows {

    public static final RowMapper<MaintenanceWindow> ROW = WindowRows::map;

    private WindowRows() {
    }

    private static MaintenanceWindow map(ResultSet rs, int row) throws SQLException {
        Map<String, String> titles = texts(rs.getString("title_fi"), rs.getString("title_sv"), rs.getString("title_en"));
        Map<String, String> messages = texts(rs.getString("message_fi"), rs.getString("message_sv"), rs.getString("message_en"));
        Set<ClosableService> services = EnumSet.noneOf(ClosableService.class);
        for (String s : strings(rs.getArray("services"))) {
            services.add(ClosableService.valueOf(s));
        }
        Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
        for (String c : strings(rs.getArray("open_channels"))) {
            channels.add(ContactChannel.valueOf(c));
        }
        int announced = rs.getInt("announced_version");
        Integer announcedVersion = rs.wasNull() ? null : announced;
        return new MaintenanceWindow(rs.getObject("id", UUID.class), instant(rs, "starts_at"), instant(rs, "ends_at"),
                instant(rs, "announce_from"), titles, messages, java.util.Collections.unmodifiableSet(services),
                java.util.Collections.unmodifiableSet(channels),
                instant(rs, "cancelled_at"), instant(rs, "ended_early_at"), rs.getInt("version"),
                announcedVersion);
    }

    private static Map<String, String> texts(String fi, String sv, String en) {
        return Map.of("fi", fi == null ? "" : fi, "sv", sv == null ? "" : sv, "en", en == null ? "" : en);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
