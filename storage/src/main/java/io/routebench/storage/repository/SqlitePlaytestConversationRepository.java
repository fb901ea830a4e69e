package io.routebench.storage.repository;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.PlaytestConversation;
import io.routebench.core.conversation.PlaytestConversationRepository;
import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.storage.sqlite.TransactionRunner;
import java.util.Objects;

/** The playtest conversation in its one-row table; messages stored as a case's are. */
public final class SqlitePlaytestConversationRepository implements PlaytestConversationRepository {

  private final TransactionRunner transactions;

  public SqlitePlaytestConversationRepository(TransactionRunner transactions) {
    this.transactions = transactions;
  }

  @Override
  public PlaytestConversation load() {
    return transactions.inReadTransaction(
        "load the playtest conversation",
        connection ->
            Sql.first(
                    connection,
                    """
                    SELECT messages_json, draft, draft_role
                    FROM playtest_conversation WHERE id = 1
                    """,
                    row ->
                        new PlaytestConversation(
                            JsonColumns.messages(row.getString(1), "the playtest conversation")
                                .stream()
                                .map(CaseMessage::toMessage)
                                .toList(),
                            row.getString(2),
                            Role.fromWireName(row.getString(3))))
                .orElse(PlaytestConversation.EMPTY));
  }

  @Override
  public void save(PlaytestConversation conversation) {
    Objects.requireNonNull(conversation, "conversation");
    String messages =
        JsonColumns.messages(
            conversation.messages().stream()
                .map((Message m) -> new CaseMessage(m.role(), m.content(), null))
                .toList());
    transactions.inTransaction(
        "save the playtest conversation",
        connection ->
            Sql.update(
                connection,
                """
                INSERT INTO playtest_conversation (id, messages_json, draft, draft_role)
                VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                  messages_json = excluded.messages_json,
                  draft = excluded.draft,
                  draft_role = excluded.draft_role
                """,
                messages,
                conversation.draft(),
                conversation.draftRole().wireName()));
  }
}
