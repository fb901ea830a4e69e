package io.routebench.app.proxy;

import static io.routebench.app.forms.Forms.fieldLabel;
import static io.routebench.app.forms.Forms.help;

import io.routebench.app.forms.Forms;
import io.routebench.core.routing.PromptProfile;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The proxy tab: the router prompt profile, the self-hosted router of the exported config, and the
 * serving engine that wraps the prompt.
 */
public final class ProxySettingsView {

  private final ProxySettingsViewModel viewModel;
  private final ChoiceBox<PromptProfile> profile =
      Forms.choiceBox(List.of(PromptProfile.values()), PromptProfile::id);
  private final TextField routerModel = new TextField();
  private final ScrollPane root;

  public ProxySettingsView(ProxySettingsViewModel viewModel) {
    this.viewModel = viewModel;
    GridPane grid = Forms.grid();
    grid.add(heading("Router prompt"), 0, 0, 2, 1);
    profile.setId("profileChoice");
    profile.valueProperty().bindBidirectional(viewModel.profileProperty());
    grid.addRow(
        1,
        fieldLabel("Prompt profile", profile),
        new VBox(
            2,
            profile,
            help(
                "Choose the prompt your proxy sends, so that every decision and test run here is"
                    + " the one production makes. archgw-v1: archgw's router prompt, the format"
                    + " Arch-Router was trained on. plano-v1: the prompt plano 0.4.x sends to its"
                    + " routing model."),
            routeOrder()));

    Label routerHeading = heading("Self-hosted router");
    GridPane.setMargin(routerHeading, new Insets(14, 0, 0, 0));
    grid.add(routerHeading, 0, 2, 2, 1);
    var selfHosted = new CheckBox("The proxy calls an Arch-Router model we serve ourselves");
    selfHosted.setId("selfHostedRouterCheckBox");
    selfHosted.selectedProperty().bindBidirectional(viewModel.selfHostedProperty());
    grid.add(
        new VBox(
            2,
            selfHosted,
            help(
                "Exported as archgw's routing block or plano's overrides.llm_routing_model, with a"
                    + " provider entry for the model. Leave it off to use the proxy's hosted"
                    + " router.")),
        1,
        3);

    routerModel.setId("routerModelField");
    routerModel.setPromptText("hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M");
    var baseUrl = new TextField();
    baseUrl.setId("routerBaseUrlField");
    baseUrl.setPromptText("http://localhost:11434");
    var providerName = new TextField();
    providerName.setId("routerProviderNameField");
    providerName.setPromptText("arch-router");
    routerModel.textProperty().bindBidirectional(viewModel.routerModelProperty());
    baseUrl.textProperty().bindBidirectional(viewModel.routerBaseUrlProperty());
    providerName.textProperty().bindBidirectional(viewModel.routerProviderNameProperty());
    var modelBox =
        new VBox(
            2,
            routerModel,
            help("As the serving engine names it, without the arch/ or plano/ prefix."));
    var providerBox =
        new VBox(
            2,
            providerName,
            help("The provider entry's name; empty means arch-router (archgw's default)."));
    grid.addRow(4, fieldLabel("Model", routerModel), modelBox);
    var refused = new Label();
    refused.setId("routerBaseUrlRefused");
    refused.setWrapText(true);
    refused.getStyleClass().add("error-message");
    refused.textProperty().bind(viewModel.refusedEditProperty());
    refused.visibleProperty().bind(viewModel.refusedEditProperty().isNotEmpty());
    refused.managedProperty().bind(refused.visibleProperty());
    var baseUrlBox = new VBox(2, baseUrl, refused);
    grid.addRow(5, fieldLabel("Base URL", baseUrl), baseUrlBox);
    grid.addRow(6, fieldLabel("Provider name", providerName), providerBox);
    new ServingEngineSection(viewModel.servingEngine()).addTo(grid, 7);
    for (Node field : new Node[] {modelBox, baseUrlBox, providerBox}) {
      field.disableProperty().bind(selfHosted.selectedProperty().not());
    }
    for (TextField field : new TextField[] {routerModel, baseUrl, providerName}) {
      field
          .focusedProperty()
          .addListener(
              (obs, was, now) -> {
                if (!now) {
                  viewModel.endTypingBurst();
                }
              });
    }

    root = new ScrollPane(grid);
    root.setFitToWidth(true);
    root.getStyleClass().add("details-scroll");
  }

  public Node root() {
    return root;
  }

  /** Shows the field a validation issue is about. */
  public void focusRouterModel() {
    routerModel.requestFocus();
  }

  private Label routeOrder() {
    Label order = help("");
    order.setId("routeOrderLabel");
    order.textProperty().bind(viewModel.routeOrderProperty());
    return order;
  }

  private static Label heading(String text) {
    var label = new Label(text);
    label.getStyleClass().add("details-heading");
    return label;
  }
}
