package io.routebench.core.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.core.workspace.SelfHostedRouter;

/**
 * Writes a policy document in the key order docs/formats.md shows, leaving out what is unset or
 * default so a diff shows only real changes.
 */
final class PolicyDocumentWriter {

  private PolicyDocumentWriter() {}

  static String write(PolicyDocument document) {
    ObjectNode root = Yaml.JSON.createObjectNode();
    root.put("routebench", PolicyDocumentYaml.FORMAT_VERSION);
    root.put("name", document.name());
    root.put("profile", document.profile().id());
    PromptWrapping wrapping = document.promptWrapping();
    if (!wrapping.equals(PromptWrapping.DEFAULT)) {
      ObjectNode node = root.putObject("served_by");
      node.put("engine", wrapping.servedBy().id());
      wrapping
          .customTemplateIfAny()
          .ifPresent(
              template -> {
                node.put("chat_template_file", template.fileName());
                node.put("chat_template", template.text());
              });
      if (wrapping.hasSystemMessage()) {
        node.put("system_message", wrapping.systemMessage());
      }
    }
    ArrayNode targets = root.putArray("targets");
    for (ModelTarget target : document.targets()) {
      ObjectNode node = targets.addObject();
      node.put("model", target.model());
      putIfPresent(node, "name", target.displayName());
      putIfPresent(node, "access_key", target.accessKeyRef());
      putIfPresent(node, "base_url", target.baseUrl());
      if (target.isDefault()) {
        node.put("default", true);
      }
      putIfPresent(node, "provider_interface", target.providerInterface());
      ObjectNode extras = Yaml.objectFromJson(target.extrasJson());
      if (!extras.isEmpty()) {
        node.set("extras", extras);
      }
    }
    SelfHostedRouter router = document.selfHostedRouter();
    if (router != null) {
      ObjectNode node = root.putObject("router");
      putIfPresent(node, "model", router.model());
      putIfPresent(node, "base_url", router.baseUrl());
      putIfPresent(node, "provider_name", router.providerName());
    }
    ArrayNode domains = root.putArray("domains");
    for (Domain domain : document.taxonomy().domains()) {
      ObjectNode node = domains.addObject();
      node.put("id", domain.id());
      node.put("name", domain.name());
      node.put("description", domain.description());
      if (domain.coarsePolicy() != null) {
        writeSettings(node.putObject("policy"), domain.coarsePolicy());
      }
      ArrayNode actions = node.putArray("actions");
      for (Action action : domain.actions()) {
        ObjectNode actionNode = actions.addObject();
        actionNode.put("id", action.id());
        actionNode.put("name", action.name());
        actionNode.put("description", action.description());
        writeSettings(actionNode, action.policy());
      }
    }
    ProxyConfigExtras extras = document.proxyExtras();
    if (!extras.equals(ProxyConfigExtras.NONE)) {
      ObjectNode node = root.putObject("proxy_extras");
      if (extras.dialect() != null) {
        node.put("dialect", extras.dialect().id());
      }
      putIfPresent(node, "version", extras.version());
      putIfPresent(node, "providers_key", extras.providersKey());
      node.set("top_level", Yaml.objectFromJson(extras.topLevelJson()));
    }
    return Yaml.write(root);
  }

  private static void writeSettings(ObjectNode node, PolicySettings settings) {
    putIfPresent(node, "route", settings.routeNameOverride());
    putIfPresent(node, "target", settings.targetModel());
    if (!settings.fallbackModels().isEmpty()) {
      ArrayNode fallbacks = node.putArray("fallbacks");
      settings.fallbackModels().forEach(fallbacks::add);
    }
    if (settings.preference() != SelectionPreference.NONE) {
      node.put("prefer", settings.preference().wireName());
    }
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
