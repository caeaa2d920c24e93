package dev.inspector.app;

import dev.inspector.domain.FeatureFlag;
import dev.inspector.domain.promotion.GeneralWay;
import dev.inspector.domain.promotion.PromotionRules;
import dev.inspector.domain.promotion.PromotionTarget;
import dev.inspector.service.DatabaseTarget;
import dev.inspector.service.Session;
import dev.inspector.service.SessionOpener;
import dev.inspector.ui.SessionState;
import dev.inspector.ui.live.LiveGateData;
import dev.inspector.ui.connect.ConnectDialog;
import dev.inspector.ui.connect.ConnectDialogView;
import dev.inspector.ui.connect.ConnectDialogViewModel;
import dev.inspector.ui.isolation.TenantIsolationView;
import dev.inspector.ui.isolation.TenantIsolationViewModel;
import dev.inspector.ui.main.MainView;
import dev.inspector.ui.main.MainViewModel;
import dev.inspector.ui.main.SessionSource;
import dev.inspector.ui.matrix.TenantMatrixView;
import dev.inspector.ui.matrix.TenantMatrixViewModel;
import dev.inspector.ui.palette.PaletteViewModel;
import dev.inspector.ui.palette.PaletteWindow;
import dev.inspector.ui.promotion.PromotionButtonsView;
import dev.inspector.ui.promotion.PromotionDialog;
import dev.inspector.ui.promotion.PromotionDialogView;
import dev.inspector.ui.promotion.PromotionDialogViewModel;
import dev.inspector.ui.release.ChangeHistoryView;
import dev.inspector.ui.release.ChangeHistoryViewModel;
import dev.inspector.ui.release.FlagRow;
import dev.inspector.ui.release.ReleaseControlView;
import dev.inspector.ui.release.ReleaseDialogs;
import dev.inspector.ui.release.ReleaseControlViewModel;
import dev.inspector.ui.release.SelectedFlag;
import dev.inspector.ui.tenants.TenantDialogs;
import dev.inspector.ui.tenants.TenantsView;
import dev.inspector.ui.tenants.TenantsViewModel;
import dev.inspector.ui.simulator.GateSimulatorView;
import dev.inspector.ui.simulator.GateSimulatorViewModel;
import dev.inspector.ui.support.AtlantaThemeSwitcher;
import dev.inspector.ui.support.FxDialogService;
import dev.inspector.ui.support.PreferencesSettings;
import dev.inspector.ui.support.UserSettings;
import dev.inspector.ui.support.FxTaskRunner;
import dev.inspector.ui.support.FxTextClipboard;
import dev.inspector.ui.support.FxUiExecutor;
import dev.inspector.ui.support.TaskRunner;
import dev.inspector.ui.support.ViewLoader;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Optional;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every long-lived object of the window once and hands them to views through the FXML
 * controller factory. The only place that knows concrete classes of all layers.
 */
public final class CompositionRoot {

    private static final Logger LOG = LoggerFactory.getLogger(CompositionRoot.class);

    private final DatabaseTarget initialTarget;
    private final TaskRunner tasks = new FxTaskRunner();
    private final FxDialogService dialogs = new FxDialogService();
    private final UserSettings settings = new PreferencesSettings();
    private final AtlantaThemeSwitcher themes = new AtlantaThemeSwitcher();
    private final SessionState sessionState = new SessionState();
    private final SelectedFlag selectedFlag = new SelectedFlag();
    private final LiveGateData liveData;
    private final MainViewModel mainViewModel;
    private final ReleaseControlViewModel releaseControlViewModel;
    private final GateSimulatorViewModel gateSimulatorViewModel;
    private final TenantMatrixViewModel tenantMatrixViewModel;
    private final TenantIsolationViewModel tenantIsolationViewModel;
    private final TenantsViewModel tenantsViewModel;
    private final ChangeHistoryViewModel changeHistoryViewModel;
    private final ViewLoader views;
    private final ReleaseDialogs releaseDialogs;
    private final TenantDialogs tenantDialogs;
    private final Map<String, String> env;
    private ConnectDialogViewModel lastConnectForm;
    private PromotionDialogViewModel lastPromotion;
    private Stage stage;
    private PaletteWindow palette;
    private WindowNavigator navigator;

    public CompositionRoot(DatabaseTarget initialTarget, Map<String, String> env) {
        this(initialTarget, env, new SessionOpener()::open);
    }

    public CompositionRoot(DatabaseTarget initialTarget, Map<String, String> env, SessionSource sessions) {
        this.initialTarget = initialTarget;
        this.env = env;
        FxUiExecutor ui = new FxUiExecutor();
        this.liveData = new LiveGateData(tasks, sessionState, ui, Clock.systemDefaultZone());
        this.mainViewModel = new MainViewModel(tasks, sessions, sessionState, themes, dialogs, liveData, settings);
        this.releaseControlViewModel = new ReleaseControlViewModel(tasks, sessionState, dialogs, liveData,
                this::openPromotion);
        this.changeHistoryViewModel = new ChangeHistoryViewModel(tasks, sessionState, dialogs, liveData);
        changeHistoryViewModel.flagKeyProperty().bind(releaseControlViewModel.selectedKeyProperty());
        // the promotion buttons act on the flag selected in Release Control
        selectedFlag.flagProperty().bind(releaseControlViewModel.selectedFlagProperty()
                .map(FlagRow::flag));
        FxTextClipboard clipboard = new FxTextClipboard();
        this.gateSimulatorViewModel = new GateSimulatorViewModel(tasks, sessionState, clipboard, liveData);
        this.tenantsViewModel = new TenantsViewModel(tasks, sessionState, liveData, dialogs, clipboard);
        this.tenantMatrixViewModel = new TenantMatrixViewModel(tasks, sessionState, dialogs, liveData);
        this.tenantIsolationViewModel = new TenantIsolationViewModel(tasks,
                sessionState.sessionProperty().map(Session::audits), dialogs);
        this.views = new ViewLoader(this::controllerFor);
        this.releaseDialogs = new ReleaseDialogs(views);
        this.tenantDialogs = new TenantDialogs(views);
        logWhenFirstReady();
    }

    /** Start-up time as the admin feels it: from JVM start until the flag list is filled. */
    private void logWhenFirstReady() {
        releaseControlViewModel.visibleFlags().addListener(new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends FlagRow> change) {
                if (!change.getList().isEmpty()) {
                    LOG.info("Ready: {} flags shown {} ms after launch", change.getList().size(),
                            ManagementFactory.getRuntimeMXBean().getUptime());
                    releaseControlViewModel.visibleFlags().removeListener(this);
                }
            }
        });
    }

    /** Each tab computes its data when first opened; the shared snapshot is loaded once for all. */
    private void tabShown(String tabId) {
        switch (tabId) {
            case "tenantMatrixTab" -> tenantMatrixViewModel.shown();
            case "simulatorTab" -> gateSimulatorViewModel.shown();
            case "tenantsTab" -> tenantsViewModel.shown();
            case "tenantIsolationTab" -> tenantIsolationViewModel.shown();
            default -> { }
        }
    }

    private Object controllerFor(Class<?> type) {
        if (type == MainView.class) {
            return new MainView(mainViewModel, this::openConnectDialog, this::tabShown, this::openPalette);
        }
        if (type == ReleaseControlView.class) {
            return new ReleaseControlView(releaseControlViewModel, releaseDialogs, navigator);
        }
        if (type == ChangeHistoryView.class) {
            return new ChangeHistoryView(changeHistoryViewModel, navigator);
        }
        if (type == PromotionButtonsView.class) {
            return new PromotionButtonsView(selectedFlag, this::openPromotion);
        }
        if (type == PromotionDialogView.class) {
            lastPromotion = new PromotionDialogViewModel(tasks, sessionState, PromotionRules.DEFAULT_SOAK_DAYS,
                    liveData::refresh);
            return new PromotionDialogView(lastPromotion);
        }
        if (type == GateSimulatorView.class) {
            return new GateSimulatorView(gateSimulatorViewModel);
        }
        if (type == TenantMatrixView.class) {
            return new TenantMatrixView(tenantMatrixViewModel);
        }
        if (type == TenantsView.class) {
            return new TenantsView(tenantsViewModel, tenantDialogs);
        }
        if (type == TenantIsolationView.class) {
            return new TenantIsolationView(tenantIsolationViewModel);
        }
        if (type == ConnectDialogView.class) {
            lastConnectForm = new ConnectDialogViewModel(env, settings);
            return new ConnectDialogView(lastConnectForm);
        }
        throw new IllegalArgumentException("No controller known for " + type.getName());
    }

    /** Shows the window at once and opens the initial database in the background. */
    public void show(Stage stage) {
        this.stage = stage;
        // first: the database starts and the session opens in the background while the window is built
        mainViewModel.connect(initialTarget);
        this.navigator = new WindowNavigator(stage, mainViewModel, releaseControlViewModel, tenantMatrixViewModel,
                gateSimulatorViewModel, tenantsViewModel, this::openNewFlag, this::openConnectDialog,
                mainViewModel::showShortcuts);
        Parent root = views.load("Main");
        Scene scene = new Scene(root, 1200, 760);
        themes.attach(scene);
        themes.apply(mainViewModel.themeProperty().get());
        dialogs.setOwner(stage);
        stage.setTitle("Inspector");
        var icon = CompositionRoot.class.getResource("/styles/inspector-icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        stage.setScene(scene);
        WindowSize.fit(stage);
        stage.show();
        stage.centerOnScreen();
    }

    /** Ctrl+P: the palette over the window, its entries from the data shown now. */
    private void openPalette() {
        if (palette == null) {
            palette = new PaletteWindow(views, new PaletteViewModel(tasks, sessionState, liveData, navigator));
        }
        palette.show(stage);
    }

    private void openNewFlag() {
        var form = releaseControlViewModel.newFlagForm();
        if (form != null) {
            releaseDialogs.createFlag(stage, form);
        }
    }

    private void openConnectDialog() {
        new ConnectDialog(() -> views.load("ConnectDialog"), () -> lastConnectForm)
                .ask(stage)
                .ifPresent(mainViewModel::connect);
    }

    /** A fresh checklist per opening, so nothing of an earlier promotion lingers. */
    private void openPromotion(FeatureFlag flag, PromotionTarget target, Optional<GeneralWay> way) {
        Parent content = views.load("PromotionDialog");
        lastPromotion.open(flag.key(), target, way);
        new PromotionDialog(content, lastPromotion).show(stage);
    }

    public LiveGateData liveData() {
        return liveData;
    }

    public MainViewModel mainViewModel() {
        return mainViewModel;
    }

    public ReleaseControlViewModel releaseControlViewModel() {
        return releaseControlViewModel;
    }

    public ChangeHistoryViewModel changeHistoryViewModel() {
        return changeHistoryViewModel;
    }

    public GateSimulatorViewModel gateSimulatorViewModel() {
        return gateSimulatorViewModel;
    }

    public TenantMatrixViewModel tenantMatrixViewModel() {
        return tenantMatrixViewModel;
    }

    public TenantsViewModel tenantsViewModel() {
        return tenantsViewModel;
    }

    public TenantIsolationViewModel tenantIsolationViewModel() {
        return tenantIsolationViewModel;
    }

    /** Cancels background work, closes the session and stops the embedded database. */
    /**
     * The window's last resort: a failure no screen handled becomes one sentence in a dialog
     * (never a frozen window or a stack trace); the details go to the log, which --verbose shows.
     */
    public void showUnexpected(Throwable error) {
        dialogs.showError("Something went wrong", error);
    }

    public void close() {
        mainViewModel.shutdown();
        tasks.shutdown();
    }
}
