package org.xuncha.platform.web;

/**
 * A file name as a client sent it, made safe to show and to store: the last path segment, with control,
 * bidi-override and reserved characters replaced, bounded in length. Shared by every upload of the application.
 */
public final class ClientFileName {

    private ClientFileName() {
    }

    /** The last path segment without control, bidi-override or reserved characters, at most {@code max} characters. */
    public static String display(String originalName, int max) {
        String name = originalName == null ? "" : originalName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(cp -> {
            boolean control = Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT;
            boolean reserved = "<>:\"/\\|?*%;'`$&{}[]".indexOf(cp) >= 0;
            clean.appendCodePoint(control || reserved ? '_' : cp);
        });
        String result = clean.toString().strip();
        if (result.codePointCount(0, result.length()) > max) {
            result = result.substring(0, result.offsetByCodePoints(0, max));
        }
        return result.isEmpty() ? "附件" : result;
    }

    /**
     * The displayed name's base (without its own extension and leading/trailing dots) with {@code extension} — the
     * extension of the type actually detected, not the one the client claimed — at most {@code max} characters.
     */
    public static String stored(String originalName, int displayMax, String extension, int max) {
        String base = display(originalName, displayMax);
        int dot = base.lastIndexOf('.');
        if (dot >= 0) {
            base = base.substring(0, dot);
        }
        base = base.replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (base.isEmpty()) {
            base = "附件";
        }
        int room = max - extension.length() - 1;
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room));
        }
        return base + "." + extension;
    }
}
