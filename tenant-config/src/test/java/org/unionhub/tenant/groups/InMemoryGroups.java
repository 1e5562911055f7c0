package org.unionhub.tenant.groups;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A group tree in memory, with the rules Keycloak enforces: sibling names are unique. */
final class InMemoryGroups implements GroupDirectory {

  private static final class Node {
    final String id = UUID.randomUUID().toString();
    final String name;
    String parentId;
    final Map<String, String> attributes = new HashMap<>();

    Node(String name, String parentId) {
      this.name = name;
      this.parentId = parentId;
    }
  }

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  RuntimeException failWith;

  String path(String id) {
    Node n = nodes.get(id);
    return (n.parentId == null ? "" : path(n.parentId)) + "/" + n.name;
  }

  Map<String, String> attributesAt(String path) {
    return nodes.values().stream()
        .filter(n -> path(n.id).equals(path))
        .findFirst()
        .map(n -> Map.copyOf(n.attributes))
        .orElse(null);
  }

  int size() {
    return nodes.size();
  }

  private void maybeFail() {
    if (failWith != null) {
      throw failWith;
    }
  }

  @Override
  public Optional<Group> findByTenant(String tenantCode) {
    maybeFail();
    return nodes.values().stream()
        .filter(n -> tenantCode.equals(n.attributes.get(GroupReconciler.TENANT_CODE)))
        .findFirst()
        .map(n -> new Group(n.id, path(n.id), Map.copyOf(n.attributes)));
  }

  @Override
  public Group create(String parentId, String name, Map<String, String> attributes) {
    maybeFail();
    if (nodes.values().stream()
        .anyMatch(n -> n.name.equals(name) && java.util.Objects.equals(n.parentId, parentId))) {
      throw new IllegalStateException("HTTP 409: sibling group " + name + " exists");
    }
    var node = new Node(name, parentId);
    node.attributes.putAll(attributes);
    nodes.put(node.id, node);
    calls.add("create " + path(node.id));
    return new Group(node.id, path(node.id), Map.copyOf(node.attributes));
  }

  /** A group as the realm import made it: a code attribute and nothing else. */
  String seed(String parentId, String name) {
    var node = new Node(name, parentId);
    node.attributes.put(GroupReconciler.TENANT_CODE, name);
    nodes.put(node.id, node);
    return node.id;
  }

  @Override
  public void move(String id, String parentId) {
    maybeFail();
    nodes.get(id).parentId = parentId;
    calls.add("move " + path(id));
  }

  @Override
  public void setAttributes(String id, Map<String, String> attributes) {
    maybeFail();
    nodes.get(id).attributes.putAll(attributes);
    calls.add("attributes " + path(id));
  }
}
