package org.masthead.editorial.web;

/**
 * A version as plain text, one block per paragraph, for diffs between revisions and for the
 * conflict screen: what a person would read, not how it is stored.
 */
final class ReadableVersion {

    private ReadableVersion() {
    }

    static String of(VersionForm form) {
        var text = new StringBuilder();
        text.append(form.headline()).append("\n\n").append(form.standfirst()).append("\n");
        if (!form.leadCaption().isBlank() || !form.leadCredit().isBlank()) {
            text.append("\n[").append(form.leadCaption()).append(" — ").append(form.leadCredit()).append("]\n");
        }
        for (var block : form.blocks()) {
            text.append('\n').append(line(block)).append('\n');
        }
        return text.toString();
    }

    private static String line(BlockForm block) {
        return switch (block.type()) {
            case "subheading" -> "## " + block.text();
            case "quote" -> "« " + block.text() + " » — " + block.speaker() + (block.role().isBlank() ? "" : ", " + block.role());
            case "image" -> "[image " + block.media() + ": " + block.caption() + " — " + block.credit() + "]";
            case "list" -> String.join("\n", block.itemLines().stream().map(item -> "• " + item).toList());
            case "readAlso" -> "[read also: story " + block.story() + "]";
            case "embed" -> "[" + block.url() + (block.title().isBlank() ? "" : " " + block.title()) + "]";
            default -> block.text();
        };
    }
}
