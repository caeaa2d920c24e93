package dev.inspector.persistence;

import dev.inspector.domain.failure.DatabaseException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom to connect. User and password follow what PostgreSQL users expect: given
 * explicitly (connection dialog, URL parameters), else {@code PGUSER}/{@code PGPASSWORD}; with no
 * password the driver itself consults {@code ~/.pgpass} / {@code PGPASSFILE} and service files.
 */
public record ConnectionSettings(String jdbcUrl, String user, String password, String label, boolean embedded) {

    public ConnectionSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (org.postgresql.Driver.parseURL(jdbcUrl, null) == null) {
            throw new DatabaseException(notAUrl(jdbcUrl));
        }
    }

    /**
     * Settings for an existing database. The URL is read by the driver's own parser; a user or
     * password in it wins over PGUSER/PGPASSWORD, as the driver itself decides, so messages name the
     * user that was really sent.
     */
    public static ConnectionSettings external(String jdbcUrl, String user, String password, Map<String, String> env) {
        Properties parsed = jdbcUrl == null ? null : org.postgresql.Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            throw new DatabaseException(notAUrl(jdbcUrl));
        }
        String effectiveUser = firstOf(user, parsed.getProperty("user"), env.get("PGUSER"));
        String effectivePassword = password != null && !password.isEmpty() ? password
                : firstOf(parsed.getProperty("password"), env.get("PGPASSWORD"));
        return new ConnectionSettings(jdbcUrl, effectiveUser, effectivePassword, labelOf(parsed), false);
    }

    /**
     * Driver properties: short timeouts so a wrong host or a closed port fails in seconds, not
     * minutes; and no server-side prepared statements for an existing database unless its URL asks
     * for them, because a pooler in transaction mode (PgBouncer before 1.21, Supabase's) hands each
     * transaction another server connection that does not know them.
     */
    public Properties driverProperties() {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "8");
        props.setProperty("socketTimeout", "120");
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "Inspector");
        if (!embedded && !jdbcUrl.contains("prepareThreshold=")) {
            props.setProperty("prepareThreshold", "0");
        }
        return props;
    }

    /** "host:port/database" for the status bar, without credentials. */
    static String labelOf(String jdbcUrl) {
        Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl, null);
        return parsed == null ? jdbcUrl : labelOf(parsed);
    }

    private static String labelOf(Properties parsed) {
        String host = parsed.getProperty("PGHOST", "localhost");
        String port = parsed.getProperty("PGPORT", "5432");
        String database = parsed.getProperty("PGDBNAME", "");
        return host + ":" + port + "/" + database;
    }

    private static String notAUrl(String jdbcUrl) {
        String shown = jdbcUrl == null ? "" : jdbcUrl.length() > 80 ? jdbcUrl.substring(0, 80) + "…" : jdbcUrl;
        return "'" + shown + "' is not a PostgreSQL JDBC URL: write jdbc:postgresql://host:port/database.";
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
