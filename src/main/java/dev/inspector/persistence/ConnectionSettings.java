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
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new DatabaseException("Not a PostgreSQL JDBC URL: '" + jdbcUrl
                    + "'. Expected jdbc:postgresql://host:port/database");
        }
    }

    public static ConnectionSettings external(String jdbcUrl, String user, String password, Map<String, String> env) {
        String effectiveUser = blankToNull(user) != null ? user : blankToNull(env.get("PGUSER"));
        String effectivePassword = password != null && !password.isEmpty() ? password : blankToNull(env.get("PGPASSWORD"));
        return new ConnectionSettings(jdbcUrl, effectiveUser, effectivePassword, labelOf(jdbcUrl), false);
    }

    /** Driver properties: short timeouts so a wrong host or a closed port fails in seconds, not minutes. */
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
        return props;
    }

    /** "host:port/database" for the status bar, without credentials. */
    static String labelOf(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int query = rest.indexOf('?');
        String label = query >= 0 ? rest.substring(0, query) : rest;
        return label.isEmpty() ? "localhost" : label;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
