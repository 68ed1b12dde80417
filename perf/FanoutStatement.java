import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import fi.celia.celianet.notifications.Audience;
import fi.celia.celianet.notifications.Mailing;
import fi.celia.celianet.notifications.Mailings;
import fi.celia.celianet.notifications.Wording;
import fi.celia.celianet.notifications.spi.MailingList;

/**
 * Queues one maintenance announcement to every audience through the application's own code ({@code Mailings} with
 * the mailing lists of the patrons and staff modules, so the very {@code INSERT … SELECT} the application runs),
 * run under {@code EXPLAIN (ANALYZE)}: PostgreSQL inserts the rows and reports the time it took.
 *
 *     java -cp "target/classes:<the jar's BOOT-INF/lib>/*" perf/FanoutStatement.java jdbc:postgresql://…/db [window-id]
 *     … perf/FanoutStatement.java jdbc:postgresql://…/db count     (the recipients it would reach, as the app counts)
 *
 * The texts are the announcement templates of the maintenance messages, formatted with sample values, so each
 * mail is as long as a real one. Prints the plan, then a line "database time: <ms>". With FANOUT_SQL=<file>, the
 * statement's text (with its parameters as $n) is written to that file too.
 */
public class FanoutStatement {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "postgres");
        Connection real = DriverManager.getConnection(url, user, password);
        Connection explaining = explaining(real);
        DataSource dataSource = new SingleConnectionDataSource(explaining, true);

        List<MailingList> lists = new ArrayList<>();
        lists.add((MailingList) construct("fi.celia.celianet.patrons.internal.PatronMailingList"));
        Object staff = construct("fi.celia.celianet.staff.internal.StaffMailingLists");
        for (String bean : List.of("staffMembers", "organisationContacts")) {
            Method m = staff.getClass().getDeclaredMethod(bean);
            m.setAccessible(true);
            lists.add((MailingList) m.invoke(staff));
        }
        Constructor<Mailings> c = Mailings.class.getDeclaredConstructor(List.class, JdbcClient.class, Clock.class);
        c.setAccessible(true);
        Mailings mailings = c.newInstance(lists, JdbcClient.create(dataSource), Clock.systemUTC());

        if (args.length > 1 && args[1].equals("count")) {
            long n = mailings.count(EnumSet.allOf(Audience.class)).stream()
                    .mapToLong(fi.celia.celianet.notifications.RecipientCount::count)
                    .sum();
            System.out.println(n);
            real.close();
            return;
        }
        UUID window = args.length > 1 ? UUID.fromString(args[1]) : UUID.randomUUID();
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> bodies = new HashMap<>();
        for (Wording wording : Wording.values()) {
            for (String language : List.of("fi", "sv", "en")) {
                String who = switch (wording) {
                    case STAFF -> "";
                    case PATRON -> "patron.";
                    case GUARDIAN, CONTACT -> "proxy.";
                };
                Properties texts = new Properties();
                try (var in = FanoutStatement.class.getResourceAsStream("/i18n/maintenance_" + language + ".properties")) {
                    texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
                Object[] sample = {
                    "Huoltokatko / Underhåll / Maintenance " + window.toString().substring(0, 8),
                    "lauantai 6.12.2026 08:00", "lauantai 6.12.2026 16:00",
                    "Lainaus ja salasanan vaihto ovat tauolla.",
                    "Palvelu on suljettu päivityksen ajan. Pahoittelemme häiriötä.",
                    "Asiakaspalvelu palvelee: asiakaspalvelu@celia.fi, puhelin 0295 333 050.",
                    "Celian verkkokirjasto", Mailing.ABOUT
                };
                Locale locale = Locale.forLanguageTag(language);
                String prefix = "maintenance.mail.announcement." + who;
                subjects.put(Mailing.key(wording, language),
                        new MessageFormat(texts.getProperty(prefix + "subject"), locale).format(sample));
                bodies.put(Mailing.key(wording, language),
                        new MessageFormat(texts.getProperty(prefix + "body"), locale).format(sample));
            }
        }
        mailings.enqueue(new Mailing(
                "maintenance-announcement",
                window + ":1",
                EnumSet.allOf(Audience.class),
                subjects,
                bodies,
                "MAINTENANCE_WINDOW",
                window,
                1));
        real.close();
    }

    private static Object construct(String name) throws Exception {
        Constructor<?> c = Class.forName(name).getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    /** A connection that prepares the recipients' INSERT under EXPLAIN ANALYZE and prints the plan it returns. */
    private static Connection explaining(Connection real) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                    && sql.strip().startsWith("INSERT INTO mailing_recipient")) {
                if (System.getenv("FANOUT_SQL") != null) {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("FANOUT_SQL")), sql);
                }
                args[0] = "EXPLAIN (ANALYZE, BUFFERS, WAL, TIMING "
                        + System.getenv().getOrDefault("FANOUT_TIMING", "OFF") + ") " + sql;
                PreparedStatement ps = (PreparedStatement) method.invoke(real, args);
                return Proxy.newProxyInstance(
                        FanoutStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                        (p, m, a) -> {
                            if (m.getName().equals("executeUpdate")) {
                                double total = 0;
                                int inserted = 0;
                                try (ResultSet rs = ps.executeQuery()) {
                                    while (rs.next()) {
                                        String line = rs.getString(1);
                                        System.out.println(line);
                                        var t = java.util.regex.Pattern.compile("(Planning|Execution) Time: ([0-9.]+) ms")
                                                .matcher(line);
                                        if (t.find()) {
                                            total += Double.parseDouble(t.group(2));
                                        }
                                    }
                                }
                                System.out.printf(Locale.ROOT, "database time: %.0f ms%n", total);
                                // As the statement itself answers (the rows it inserted for the newest mailing),
                                // so the mailing counts its recipients.
                                try (var count = real.createStatement().executeQuery(
                                        "SELECT count(*) FROM mailing_recipient WHERE mailing_id ="
                                                + " (SELECT id FROM mailing ORDER BY created_at DESC LIMIT 1)")) {
                                    count.next();
                                    inserted = count.getInt(1);
                                }
                                return inserted;
                            }
                            return m.invoke(ps, a);
                        });
            }
            return method.invoke(real, args);
        };
        return (Connection) Proxy.newProxyInstance(
                FanoutStatement.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
}
