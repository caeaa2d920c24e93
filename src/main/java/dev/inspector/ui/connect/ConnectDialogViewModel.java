package dev.inspector.ui.connect;

import dev.inspector.domain.failure.DatabaseException;
import dev.inspector.service.DatabaseTarget;
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

    private final StringProperty url = new SimpleStringProperty(this, "url", "jdbc:postgresql://localhost:5432/postgres");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty initDemo = new SimpleBooleanProperty(this, "initDemo", false);
    private final StringBinding validationMessage;
    private final BooleanBinding valid;
    private final Map<String, String> env;

    public ConnectDialogViewModel(Map<String, String> env) {
        this.env = env;
        validationMessage = Bindings.createStringBinding(() -> validate(url.get()), url);
        valid = validationMessage.isEmpty();
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
            return Optional.of(DatabaseTarget.external(url.get().strip(), user.get(), password.get(), env, initDemo.get()));
        } catch (DatabaseException e) {
            return Optional.empty();
        }
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
