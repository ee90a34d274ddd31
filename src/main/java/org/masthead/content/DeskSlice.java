package org.masthead.content;

import java.util.List;

/** One page of the newsroom story list and how many stories match in all. */
public record DeskSlice(List<DeskRow> rows, int total) {
}
