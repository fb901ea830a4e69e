package io.routebench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

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

  @ArchTest
  static final ArchRule the_command_line_uses_no_javafx =
      noClasses()
          .that()
          .resideInAPackage("io.routebench.app.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..")
          .because("the CLI runs on machines without a display (CI servers, containers)");

  /**
   * The workbench's threads are created once, named and shut down in {@code tasks}: everything else
   * submits work to its executors. (The adapters' own timers, such as a download's watchdog, are
   * outside this rule.)
   */
  @ArchTest
  static final ArchRule only_tasks_starts_threads =
      noClasses()
          .that()
          .resideInAPackage(APP)
          .and()
          .resideOutsideOfPackage("io.routebench.app.tasks..")
          .should()
          .callMethodWhere(startsAThread())
          .because("long work has one way off the FX thread: the TaskExecutor and its executors");

  private static DescribedPredicate<JavaMethodCall> startsAThread() {
    return DescribedPredicate.describe(
        "starts a thread or creates a thread pool",
        call -> {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          return (owner.equals(Thread.class.getName())
                  && (name.equals("start") || name.equals("startVirtualThread")))
              || (owner.startsWith(Thread.Builder.class.getName()) && name.equals("start"))
              || owner.equals(Executors.class.getName())
              || (owner.equals(CompletableFuture.class.getName())
                  && name.endsWith("Async")
                  && call.getTarget().getRawParameterTypes().stream()
                      .noneMatch(type -> type.isAssignableTo(Executor.class)));
        });
  }
}
