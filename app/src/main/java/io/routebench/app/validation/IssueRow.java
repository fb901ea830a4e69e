package io.routebench.app.validation;

import io.routebench.core.validation.Severity;

/**
 * One line of the validation panel.
 *
 * @param place where the problem is, in the user's words ("coding › debugging · description")
 * @param path the validator's key path ({@code domains[0].actions[1].description})
 */
public record IssueRow(
    Severity severity, String place, String path, String message, IssueTarget target) {}
