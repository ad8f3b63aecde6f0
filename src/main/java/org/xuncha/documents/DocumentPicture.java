package org.xuncha.documents;

/**
 * An inline picture for a placeholder.
 *
 * @param png       PNG bytes
 * @param widthEmu  width on the page in EMU (914,400 per inch)
 * @param heightEmu height on the page in EMU
 * @param name      the picture's name inside the document
 */
public record DocumentPicture(byte[] png, int widthEmu, int heightEmu, String name) {
}
