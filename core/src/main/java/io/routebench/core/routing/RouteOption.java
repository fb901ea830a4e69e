package io.routebench.core.routing;

/** A route as the router reads it: name and description, nothing else. */
public record RouteOption(String name, String description) {}
