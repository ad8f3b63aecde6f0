package org.xuncha.platform.excel;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/**
 * The one spreadsheet import kit (docs/architecture.md "Uploads, downloads, imports, pagers"): the template goes out
 * through {@code platform.web.FileDownload}, the file is read by {@link XlsxReader} (which passes it through
 * {@code platform.upload.UploadCheck} first), every row is checked before anything is written and the import is all
 * or nothing, each problem a {@link CellError} with its row and column in Chinese; the page is the one fragment
 * {@code templates/layout/import.html :: importer}, fed with the {@code errors} attribute.
 */
public final class SheetImport {

    public static final String NO_FILE = "请选择要导入的 .xlsx 文件";
    public static final String NO_FILE_FIELD = "请上传 .xlsx 文件（表单字段 file）";

    /**
     * One problem of an import, shown in the error table and returned by the APIs.
     *
     * @param row    the sheet's row number as Excel shows it, or null for the whole file
     * @param column the column's header, or null for the whole row or file
     * @param message what is wrong, in Chinese
     */
    public record CellError(Integer row, String column, String message) {

        /** A problem of the file as a whole (not an .xlsx, too big, a header missing). */
        public static CellError ofFile(String message) {
            return new CellError(null, null, message);
        }
    }

    private SheetImport() {
    }

    /**
     * The refusal of a multipart part before it is read: none chosen, or above {@code maxBytes}; null when the part
     * may be read.
     */
    public static List<CellError> precheck(MultipartFile file, long maxBytes) {
        return precheck(file, maxBytes, NO_FILE);
    }

    /** {@link #precheck(MultipartFile, long)} with the API's own words for a missing file (it names the field). */
    public static List<CellError> precheck(MultipartFile file, long maxBytes, String noFile) {
        if (file == null || file.isEmpty()) {
            return List.of(CellError.ofFile(noFile));
        }
        if (file.getSize() > maxBytes) {
            return List.of(CellError.ofFile("文件超过大小上限（" + Math.max(1, maxBytes / 1024 / 1024) + " MB）"));
        }
        return null;
    }
}
