package io.jsocketio.it.container.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A chat post, validated when it arrives.
 *
 * @param text the text, not blank
 * @param room the room, at most 5 characters
 */
public record Post(@NotBlank String text, @Size(max = 5) String room) {}
