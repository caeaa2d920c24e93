package dev.inspector.ui.tenants;

import dev.inspector.domain.resolution.TenantRoster;
import dev.inspector.ui.simulator.FlagRow;
import dev.inspector.ui.simulator.Verdict;
import dev.inspector.ui.simulator.VerdictCells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the Tenants view to its view-model; the forms open through {@link TenantDialogs}. */
public final class TenantsView {

    @FXML private TextField tenantFilter;
    @FXML private TableView<TenantRoster.Entry> tenantTable;
    @FXML private TableColumn<TenantRoster.Entry, String> tenantNameColumn;
    @FXML private TableColumn<TenantRoster.Entry, String> tenantChannelColumn;
    @FXML private TableColumn<TenantRoster.Entry, Number> tenantMembersColumn;
    @FXML private TableColumn<TenantRoster.Entry, Number> tenantOverridesColumn;
    @FXML private TableColumn<TenantRoster.Entry, Number> tenantGrantsColumn;
    @FXML private Label newTenantsLabel;
    @FXML private Label tenantTitle;
    @FXML private Button moveTenantButton;
    @FXML private MenuButton membersMenu;
    @FXML private MenuItem grantAllItem;
    @FXML private MenuItem revokeAllItem;
    @FXML private MenuItem copyMembersItem;
    @FXML private MenuItem exportMembersItem;
    @FXML private Label tenantsMessage;
    @FXML private TableView<MemberRow> memberTable;
    @FXML private TableColumn<MemberRow, String> memberNameColumn;
    @FXML private TableColumn<MemberRow, String> memberEmailColumn;
    @FXML private TableColumn<MemberRow, String> memberGrantsColumn;
    @FXML private Label userTitle;
    @FXML private Button grantButton;
    @FXML private Button revokeButton;
    @FXML private TableView<FlagRow> userFlagTable;
    @FXML private TableColumn<FlagRow, String> userFlagColumn;
    @FXML private TableColumn<FlagRow, Verdict> userServerColumn;
    @FXML private TableColumn<FlagRow, Verdict> userUiColumn;
    @FXML private TextArea userTrace;

    private final TenantsViewModel viewModel;
    private final TenantDialogs dialogs;

    public TenantsView(TenantsViewModel viewModel, TenantDialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        tenantFilter.textProperty().bindBidirectional(viewModel.filterProperty());
        tenantTable.setItems(viewModel.visibleTenants());
        tenantNameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tenant().name()));
        tenantChannelColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tenant().releaseChannel()));
        tenantMembersColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().members().size()));
        tenantOverridesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().overrides()));
        tenantGrantsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().enabledGrants()));
        tenantTable.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (viewModel.selectedTenantProperty().get() != entry) {
                viewModel.selectedTenantProperty().set(entry);
            }
        });
        viewModel.selectedTenantProperty().addListener((obs, old, entry) -> {
            if (tenantTable.getSelectionModel().getSelectedItem() != entry) {
                tenantTable.getSelectionModel().select(entry);
                if (entry != null) {
                    tenantTable.scrollTo(entry);
                }
            }
        });
        newTenantsLabel.textProperty().bind(viewModel.newTenantsProperty());
        tenantTitle.textProperty().bind(viewModel.tenantTitleProperty());
        tenantsMessage.textProperty().bind(viewModel.messageProperty());
        tenantsMessage.managedProperty().bind(viewModel.messageProperty().isNotEmpty());

        var noTenant = viewModel.selectedTenantProperty().isNull();
        moveTenantButton.disableProperty().bind(noTenant);
        membersMenu.disableProperty().bind(noTenant);
        moveTenantButton.setOnAction(e -> viewModel.moveForm().ifPresent(form -> dialogs.move(window(), form)));
        grantAllItem.setOnAction(e -> viewModel.grantForm(true, true).ifPresent(form -> dialogs.grant(window(), form)));
        revokeAllItem.setOnAction(e -> viewModel.grantForm(false, true).ifPresent(form -> dialogs.grant(window(), form)));
        copyMembersItem.setOnAction(e -> viewModel.copyMembers());
        exportMembersItem.setOnAction(e -> viewModel.exportMembers());

        memberTable.setItems(viewModel.members());
        memberNameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        memberEmailColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().email()));
        memberGrantsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().grantWords()));
        memberTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (viewModel.selectedMemberProperty().get() != row) {
                viewModel.selectedMemberProperty().set(row);
            }
        });
        viewModel.selectedMemberProperty().addListener((obs, old, row) -> {
            if (memberTable.getSelectionModel().getSelectedItem() != row) {
                memberTable.getSelectionModel().select(row);
            }
        });

        UserFlagsViewModel user = viewModel.user();
        userTitle.textProperty().bind(user.titleProperty());
        var noMember = viewModel.selectedMemberProperty().isNull();
        grantButton.disableProperty().bind(noMember);
        revokeButton.disableProperty().bind(noMember);
        grantButton.setOnAction(e -> viewModel.grantForm(true, false).ifPresent(form -> dialogs.grant(window(), form)));
        revokeButton.setOnAction(e -> viewModel.grantForm(false, false).ifPresent(form -> dialogs.grant(window(), form)));
        userFlagTable.setItems(user.rows());
        userFlagColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        userServerColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().serverVerdict()));
        userUiColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().uiVerdict()));
        userServerColumn.setCellFactory(c -> VerdictCells.verdict());
        userUiColumn.setCellFactory(c -> VerdictCells.verdict());
        userFlagTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (user.selectedRowProperty().get() != row) {
                user.selectedRowProperty().set(row);
            }
        });
        user.selectedRowProperty().addListener((obs, old, row) -> {
            if (userFlagTable.getSelectionModel().getSelectedItem() != row) {
                userFlagTable.getSelectionModel().select(row);
            }
        });
        userTrace.textProperty().bind(user.traceProperty());
    }

    private javafx.stage.Window window() {
        return tenantTable.getScene().getWindow();
    }
}
