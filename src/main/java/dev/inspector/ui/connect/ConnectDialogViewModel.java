package dev.inspector.ui.connect;

import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.service.DatabaseTarget;
import dev.inspector.ui.support.UserSettings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The "connect to an existing database" form: fields, validation, and the resulting target. */
public final class ConnectDialogViewModel {

    private static final String RECENT = "recentUrls";
    static final int MAX_RECENT = 5;

    private final StringProperty url = new SimpleStringProperty(this, "url", "jdbc:postgresql://localhost:5432/postgres");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty initDemo = new SimpleBooleanProperty(this, "initDemo", false);
    private final StringBinding validationMessage;
    private final BooleanBinding valid;
    private final Map<String, String> env;
    private final UserSettings settings;
    private final ObservableList<String> recentUrls = FXCollections.observableArrayList();

    public ConnectDialogViewModel(Map<String, String> env, UserSettings settings) {
        this.env = env;
        this.settings = settings;
        validationMessage = Bindings.createStringBinding(() -> validate(url.get()), url);
        valid = validationMessage.isEmpty();
        settings.get(RECENT).ifPresent(saved -> saved.lines().filter(l -> !l.isBlank()).limit(MAX_RECENT)
                .forEach(recentUrls::add));
        if (!recentUrls.isEmpty()) {
            url.set(recentUrls.get(0));
        }
    }

    /** The URLs connected to last, newest first, without passwords; the URL field offers them. */
    public ObservableList<String> recentUrls() {
        return recentUrls;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty initDemoProperty() {
        return initDemo;
    }

    public StringBinding validationMessageProperty() {
        return validationMessage;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The target to connect to, or empty when the form is not valid. */
    public Optional<DatabaseTarget> target() {
        if (!valid.get()) {
            return Optional.empty();
        }
        try {
            Optional<DatabaseTarget> target = Optional.of(DatabaseTarget.external(url.get().strip(), user.get(),
                    password.get(), env, initDemo.get()));
            remember(url.get().strip());
            return target;
        } catch (DatabaseException e) {
            return Optional.empty();
        }
    }

    private void remember(String chosen) {
        String safe = withoutPassword(chosen);
        recentUrls.remove(safe);
        recentUrls.add(0, safe);
        if (recentUrls.size() > MAX_RECENT) {
            recentUrls.remove(MAX_RECENT, recentUrls.size());
        }
        settings.put(RECENT, String.join("\n", recentUrls));
    }

    /** A URL as it may be remembered: a password in it is dropped, with its separator. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    static String validate(String url) {
        if (url == null || url.isBlank()) {
            return "Enter a JDBC URL.";
        }
        if (!url.strip().startsWith("jdbc:postgresql:")) {
            return "The URL must start with jdbc:postgresql:";
        }
        return "";
    }
}
