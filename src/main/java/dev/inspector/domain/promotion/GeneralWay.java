package dev.inspector.domain.promotion;

/** The reference document's two ways of promoting to general (step 5). */
public enum GeneralWay {
    /** {@code release_channel_feature_flags} row for general set on. */
    GENERAL_ROW("General channel row on"),
    /** {@code feature_flags.default_enabled} set on. */
    GLOBAL_DEFAULT("Global default on");

    private final String title;

    GeneralWay(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
