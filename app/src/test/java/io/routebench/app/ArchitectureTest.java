package io.routebench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module layering as a test: the domain stays free of UI, JDBC and JNI; the adapters stay free
 * of UI; and view models hold no controls. A violation names the offending class and call.
 */
@AnalyzeClasses(packages = "io.routebench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String CORE = "io.routebench.core..";
  private static final String INFERENCE = "io.routebench.inference..";
  private static final String STORAGE = "io.routebench.storage..";
  private static final String APP = "io.routebench.app..";

  @ArchTest
  static final ArchRule core_uses_no_ui_database_or_native_code =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "java.sql..", "org.sqlite..", "de.kherud..")
          .because("the domain must run anywhere: in the CLI, in tests, without a screen");

  @ArchTest
  static final ArchRule core_knows_no_adapter_or_application =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(INFERENCE, STORAGE, APP)
          .because("adapters depend on the domain's ports, never the other way round");

  @ArchTest
  static final ArchRule inference_and_storage_use_no_ui =
      noClasses()
          .that()
          .resideInAnyPackage(INFERENCE, STORAGE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..")
          .because("persistence and routing run headless in the CLI too");

  @ArchTest
  static final ArchRule inference_uses_no_database =
      noClasses()
          .that()
          .resideInAPackage(INFERENCE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.sqlite..");

  @ArchTest
  static final ArchRule storage_uses_no_inference_engine =
      noClasses()
          .that()
          .resideInAPackage(STORAGE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("de.kherud..");

  @ArchTest
  static final ArchRule view_models_hold_no_controls =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx.scene..", "javafx.stage..")
          .because("view models are tested in plain JUnit, without a screen");
}
