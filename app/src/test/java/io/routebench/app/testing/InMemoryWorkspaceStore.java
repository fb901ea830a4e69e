package io.routebench.app.testing;

import io.routebench.app.workspace.OpenWorkspace;
import io.routebench.app.workspace.WorkspaceAccessException;
import io.routebench.app.workspace.WorkspaceStore;
import io.routebench.core.conversation.PlaytestConversation;
import io.routebench.core.conversation.PlaytestConversationRepository;
import io.routebench.core.run.RegressionRunRepository;
import io.routebench.core.suite.TestSuiteRepository;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.PolicyDocumentRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workspaces whose documents live in memory. Creating one also creates an empty file, so that code
 * checking for the file on disk behaves as with real workspaces.
 */
public final class InMemoryWorkspaceStore implements WorkspaceStore {

  private final Map<Path, InMemoryPolicyRepository> workspaces = new HashMap<>();
  private final Map<Path, RuntimeException> openFailures = new HashMap<>();
  private final List<Path> closed = new ArrayList<>();

  @Override
  public synchronized OpenWorkspace open(Path file) {
    Path key = normalize(file);
    if (openFailures.containsKey(key)) {
      throw openFailures.get(key);
    }
    InMemoryPolicyRepository repository = workspaces.get(key);
    if (repository == null) {
      throw new WorkspaceAccessException(file + " is not a RouteBench workspace");
    }
    return new Opened(key, repository);
  }

  @Override
  public synchronized OpenWorkspace create(Path file) {
    Path key = normalize(file);
    if (Files.exists(key)) {
      throw new WorkspaceAccessException(file + " already exists");
    }
    try {
      Files.createDirectories(key.getParent());
      Files.createFile(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var repository = new InMemoryPolicyRepository(PolicyDocument.empty("unnamed"));
    workspaces.put(key, repository);
    return new Opened(key, repository);
  }

  /** Adds an existing workspace (and its file) holding {@code document}. */
  public synchronized InMemoryPolicyRepository put(Path file, PolicyDocument document) {
    Path key = normalize(file);
    try {
      Files.createDirectories(key.getParent());
      if (!Files.exists(key)) {
        Files.createFile(key);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var repository = new InMemoryPolicyRepository(document);
    workspaces.put(key, repository);
    return repository;
  }

  public synchronized void failOpening(Path file, RuntimeException failure) {
    openFailures.put(normalize(file), failure);
  }

  public synchronized InMemoryPolicyRepository repository(Path file) {
    return workspaces.get(normalize(file));
  }

  public synchronized List<Path> closed() {
    return List.copyOf(closed);
  }

  private static Path normalize(Path file) {
    return file.toAbsolutePath().normalize();
  }

  private final Map<Path, TestSuiteRepository> suites = new HashMap<>();
  private final Map<Path, RegressionRunRepository> runs = new HashMap<>();
  private final Map<Path, PlaytestConversation> playtests = new HashMap<>();

  private final class Opened implements OpenWorkspace {
    private final Path path;
    private final PolicyDocumentRepository repository;

    Opened(Path path, PolicyDocumentRepository repository) {
      this.path = path;
      this.repository = repository;
    }

    @Override
    public Path path() {
      return path;
    }

    @Override
    public PolicyDocumentRepository policies() {
      return repository;
    }

    @Override
    public TestSuiteRepository suites() {
      synchronized (InMemoryWorkspaceStore.this) {
        return suites.computeIfAbsent(path, p -> new InMemoryTestSuiteRepository());
      }
    }

    @Override
    public RegressionRunRepository runs() {
      synchronized (InMemoryWorkspaceStore.this) {
        return runs.computeIfAbsent(path, p -> new InMemoryRunRepository());
      }
    }

    @Override
    public PlaytestConversationRepository playtest() {
      return new PlaytestConversationRepository() {
        @Override
        public PlaytestConversation load() {
          synchronized (InMemoryWorkspaceStore.this) {
            return playtests.getOrDefault(path, PlaytestConversation.EMPTY);
          }
        }

        @Override
        public void save(PlaytestConversation conversation) {
          synchronized (InMemoryWorkspaceStore.this) {
            playtests.put(path, conversation);
          }
        }
      };
    }

    @Override
    public void close() {
      synchronized (InMemoryWorkspaceStore.this) {
        closed.add(path);
      }
    }
  }
}
