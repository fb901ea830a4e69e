package io.routebench.app.shell;

import io.routebench.app.icons.Icons;
import io.routebench.app.playtest.PlaytestView;
import io.routebench.app.playtest.PlaytestViewModel;
import io.routebench.app.proxy.ProxySettingsView;
import io.routebench.app.proxy.ProxySettingsViewModel;
import io.routebench.app.proxy.ServedByBar;
import io.routebench.app.routing.RouterModelBar;
import io.routebench.app.routing.RouterTokenCounter;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.suites.SuitesTab;
import io.routebench.app.targets.TargetsView;
import io.routebench.app.targets.TargetsViewModel;
import io.routebench.app.taxonomy.NodeDetailsViewModel;
import io.routebench.app.taxonomy.TaxonomyView;
import io.routebench.app.taxonomy.TaxonomyViewModel;
import io.routebench.app.validation.IssueRow;
import io.routebench.app.validation.IssueTarget;
import io.routebench.app.validation.ValidationPanel;
import io.routebench.app.validation.ValidationViewModel;
import io.routebench.app.workspace.WorkspaceSession;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Everything shown for one open workspace: the taxonomy, targets, proxy and playtest tabs above the
 * problems list. Built anew for each workspace, together with its view models.
 */
final class WorkspacePane {

  static final String TREE_DIVIDER = "taxonomy.tree";
  static final String PROBLEMS_DIVIDER = "workspace.problems";

  /** Beyond this the problems panel is taken as collapsed to its header. */
  private static final double COLLAPSED_DIVIDER = 0.95;

  /** Where the problems divider goes when problems appear. */
  private double expandedDivider = 0.78;

  private final TaxonomyViewModel taxonomy;
  private final ValidationViewModel validation;
  private final TaxonomyView taxonomyView;
  private final TargetsView targetsView;
  private final ProxySettingsView proxyView;
  private final TabPane tabs = new TabPane();
  private final Tab taxonomyTab;
  private final Tab targetsTab;
  private final Tab proxyTab;
  private final Tab playtestTab;
  private final PlaytestViewModel playtest;
  private final SuitesTab suites;
  private final PlaytestView playtestView;
  private final StackPane taxonomyHome;
  private final StackPane playtestTaxonomy;
  private final SplitPane root;

  /**
   * @param playtest the playtest of this workspace, disposed with the pane
   * @param modelBar picks the router model the playtest decides with
   */
  WorkspacePane(
      WorkspaceSession session,
      SettingsStore settings,
      Supplier<String> ids,
      PlaytestViewModel playtest,
      RouterModelBar modelBar,
      SuitesTab.Running running) {
    this.playtest = playtest;
    var editor = session.editor();
    taxonomy = new TaxonomyViewModel(editor, ids);
    var details =
        new NodeDetailsViewModel(
            editor, taxonomy.selectionProperty(), new RouterTokenCounter(running.router()));
    var targets = new TargetsViewModel(editor, session.timer());
    validation = new ValidationViewModel(editor.documentProperty());
    taxonomy.marksProperty().bind(validation.nodeMarksProperty());

    taxonomyView = new TaxonomyView(taxonomy, details, session.autosaver()::saveSoon);
    targetsView = new TargetsView(targets);
    taxonomyTab = Icons.on(new Tab("Taxonomy"), Feather.GIT_BRANCH);
    taxonomyTab.setId("taxonomyTab");
    targetsTab = Icons.on(new Tab("Targets", targetsView.root()), Feather.TARGET);
    targetsTab.setId("targetsTab");
    var proxy = new ProxySettingsViewModel(editor, session.timer());
    proxyView = new ProxySettingsView(proxy);
    proxyTab = Icons.on(new Tab("Proxy", proxyView.root()), Feather.SERVER);
    proxyTab.setId("proxyTab");
    // The one taxonomy editor moves to whichever of the two tabs is shown: beside the
    // conversation, editing a description re-routes it while the user watches.
    taxonomyHome = new StackPane(taxonomyView.root());
    playtestTaxonomy = new StackPane();
    playtestView =
        new PlaytestView(
            playtest,
            new VBox(modelBar.root(), new ServedByBar(proxy.servingEngine()).root()),
            playtestTaxonomy,
            new PlaytestView.DividerPositions() {
              @Override
              public Optional<Double> position(String key) {
                return settings.current().dividerPosition(key);
              }

              @Override
              public void moved(String key, double position) {
                settings.update(s -> s.withDividerPosition(key, position));
              }

              @Override
              public Optional<Boolean> shown(String key) {
                return settings.current().paneShown(key);
              }

              @Override
              public void shownChosen(String key, boolean shown) {
                settings.update(s -> s.withPaneShown(key, shown));
              }
            });
    taxonomy.routedProperty().bind(playtest.chosenNodeProperty());
    playtestTab = Icons.on(new Tab("Playtest", playtestView.root()), Feather.MESSAGE_SQUARE);
    taxonomyTab.setContent(taxonomyHome);
    playtestTab.setId("playtestTab");
    suites = new SuitesTab(session, running);
    suites.offerPlaytest(playtest, () -> tabs.getSelectionModel().select(playtestTab));
    tabs.getTabs().setAll(taxonomyTab, targetsTab, proxyTab, playtestTab, suites.tab());
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == playtestTab) {
                taxonomyView.layOut(Orientation.VERTICAL);
                playtestTaxonomy.getChildren().setAll(taxonomyView.root());
              } else if (now == taxonomyTab) {
                taxonomyView.layOut(Orientation.HORIZONTAL);
                taxonomyHome.getChildren().setAll(taxonomyView.root());
              }
            });

    var problems = new ValidationPanel(validation, this::goTo);
    root = new SplitPane(tabs, problems.root());
    root.setOrientation(Orientation.VERTICAL);
    root.setDividerPositions(0.78);
    SplitPane.setResizableWithParent(problems.root(), false);
    // Only the side-by-side layout's divider is the user's; and a collapsed problems panel is ours.
    DividerMemory.remember(
        taxonomyView.root(),
        TREE_DIVIDER,
        settings,
        () -> taxonomyView.root().getOrientation() == Orientation.HORIZONTAL);
    DividerMemory.remember(root, PROBLEMS_DIVIDER, settings, () -> !validation.issues().isEmpty());
    fitProblems();
    validation.issues().addListener((ListChangeListener<IssueRow>) change -> fitProblems());

    if (!editor.document().taxonomy().domains().isEmpty()) {
      taxonomy.select(
          io.routebench.app.taxonomy.NodeRef.domain(
              editor.document().taxonomy().domains().get(0).id()));
    }
  }

  Node root() {
    return root;
  }

  /**
   * Without problems the panel shrinks to its header line (its minimum): the divider goes to the
   * bottom, and comes back to where it was when problems appear.
   */
  private void fitProblems() {
    double position = root.getDividerPositions()[0];
    boolean collapsed = position > COLLAPSED_DIVIDER;
    if (validation.issues().isEmpty()) {
      if (!collapsed) {
        expandedDivider = position;
      }
      root.setDividerPositions(1.0);
    } else if (collapsed) {
      root.setDividerPositions(expandedDivider);
    }
  }

  TaxonomyViewModel taxonomy() {
    return taxonomy;
  }

  ValidationViewModel validation() {
    return validation;
  }

  PlaytestViewModel playtest() {
    return playtest;
  }

  SuitesTab suites() {
    return suites;
  }

  /** The playtest's view; its details slot takes more about each decision. */
  PlaytestView playtestView() {
    return playtestView;
  }

  /**
   * Undo in the Playtest tab first brings back the conversation that Clear, or a test case opened
   * in its place, put aside.
   *
   * @return whether there was one to bring back
   */
  boolean undoInPlaytest() {
    if (tabs.getSelectionModel().getSelectedItem() != playtestTab
        || playtest.conversation().shelvedProperty().get() == null) {
      return false;
    }
    playtest.undoClear();
    return true;
  }

  /** The workspace is closing: stop routing its playtest. */
  void dispose() {
    taxonomy.routedProperty().unbind();
    taxonomy.marksProperty().unbind();
    playtest.dispose();
    suites.dispose();
  }

  /** Shows the taxonomy tab, e.g. before a menu command that adds a node. */
  void showTaxonomy() {
    tabs.getSelectionModel().select(taxonomyTab);
  }

  void showPlaytest() {
    tabs.getSelectionModel().select(playtestTab);
  }

  void addDomain() {
    showTaxonomy();
    taxonomyView.addDomain();
  }

  void addAction() {
    showTaxonomy();
    taxonomyView.addAction();
  }

  private void goTo(IssueRow issue) {
    switch (issue.target()) {
      case IssueTarget.Node node -> {
        showTaxonomy();
        taxonomy.select(node.node());
        taxonomyView.focusTree();
      }
      case IssueTarget.TargetRow row -> {
        tabs.getSelectionModel().select(targetsTab);
        targetsView.select(row.index());
      }
      case IssueTarget.TargetList list -> tabs.getSelectionModel().select(targetsTab);
      case IssueTarget.ProxySettings proxy -> {
        tabs.getSelectionModel().select(proxyTab);
        proxyView.focusRouterModel();
      }
      case IssueTarget.WholeTaxonomy whole -> showTaxonomy();
      case IssueTarget.Elsewhere elsewhere -> {
        // Nothing to show beyond the message itself.
      }
    }
  }
}
