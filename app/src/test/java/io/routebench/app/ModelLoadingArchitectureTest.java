package io.routebench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.routebench.inference.llama.LlamaEngineLoader;

/**
 * Every way the application loads a GGUF file goes through its first load in a separate process:
 * nothing in the application loads a model into its own process directly.
 */
@AnalyzeClasses(
    packages = "io.routebench.app",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ModelLoadingArchitectureTest {

  @ArchTest
  static final ArchRule models_load_only_after_their_check_in_a_separate_process =
      noClasses()
          .should()
          .callMethodWhere(
              DescribedPredicate.describe(
                  "LlamaEngineLoader.load (any overload)",
                  call ->
                      call.getTargetOwner().isEquivalentTo(LlamaEngineLoader.class)
                          && call.getName().equals("load")))
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("de.kherud.llama.LlamaModel")
          .because(
              "llama.cpp ends the process it runs in on an assertion or a crash: a user's file"
                  + " reaches the workbench's process only after FirstLoadCheck loaded it in a"
                  + " separate one");
}
