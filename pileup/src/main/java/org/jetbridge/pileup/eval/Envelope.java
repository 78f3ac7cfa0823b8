package org.jetbridge.pileup.eval;

import java.util.List;

/**
 * A family of settings of one method reported as its best member per observable and μ (e.g. the SoftDrop grid):
 * the envelope's resolution is the smallest member resolution, its bias that of the member with the smallest |bias|.
 * {@code shown} members are also drawn on their own (e.g. the headline setting).
 */
public record Envelope(String name, List<String> members, List<String> shown) {
    public Envelope {
        members = List.copyOf(members);
        shown = List.copyOf(shown);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("envelope " + name + " needs at least one member");
        }
        if (!members.containsAll(shown)) {
            throw new IllegalArgumentException("envelope " + name + ": shown settings must be members, got " + shown);
        }
    }
}
