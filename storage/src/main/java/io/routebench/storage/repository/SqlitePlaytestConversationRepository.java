package io.routebench.storage.repository;

import io.routebench.core.conversation.Message;
import io.routebench.core.conversation.PlaytestConversation;
import io.routebench.core.conversation.PlaytestConversationRepository;
import io.routebench.core.conversation.Role;
import io.routebench.core.suite.CaseMessage;
import io.routebench.storage.sqlite.TransactionRunner;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      """
                      SELECT messages_json, draft, draft_role
                      FROM playtest_conversation WHERE id = 1
                      """);
              ResultSet row = select.executeQuery()) {
            if (!row.next()) {
              return PlaytestConversation.EMPTY;
            }
            var messages =
                JsonColumns.messages(row.getString(1), "the playtest conversation").stream()
                    .map(CaseMessage::toMessage)
                    .toList();
            return new PlaytestConversation(
                messages, row.getString(2), Role.fromWireName(row.getString(3)));
          }
        });
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
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  """
                  INSERT INTO playtest_conversation (id, messages_json, draft, draft_role)
                  VALUES (1, ?, ?, ?)
                  ON CONFLICT (id) DO UPDATE SET
                    messages_json = excluded.messages_json,
                    draft = excluded.draft,
                    draft_role = excluded.draft_role
                  """)) {
            upsert.setString(1, messages);
            upsert.setString(2, conversation.draft());
            upsert.setString(3, conversation.draftRole().wireName());
            upsert.executeUpdate();
          }
          return null;
        });
  }
}
