package org.xuncha.browser;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.Role;
import org.xuncha.testing.TestFixtures;

/**
 * The fictional city 440100 (county 440102) of the Excel browser tests, with its own body and accounts, so
 * these tests share nothing with the other browser tests that run in the same application context.
 */
final class SouthCity {

    static final String CITY = "440100";
    static final String COUNTY = "440102";
    static final String BODY = "南海示例市委巡察机构";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private SouthCity() {
    }

    /** The body of the city, created with its regions on first use. */
    static long body(JdbcClient jdbc, TestFixtures fixtures) {
        var existing = jdbc.sql("SELECT id FROM inspection_body WHERE region_code = :r").param("r", CITY)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        fixtures.region(CITY, "南海示例市", "CITY", null);
        fixtures.region(COUNTY, "东湖区", "COUNTY", CITY);
        return fixtures.body(BODY, CITY, "CITY", null);
    }

    /** An account of the city's body, created if missing; returns its id. */
    static long account(JdbcClient jdbc, TestFixtures fixtures, String username, String displayName, Role role) {
        long body = body(jdbc, fixtures);
        var existing = jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", username)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = fixtures.account(username, role, body, null);
        jdbc.sql("UPDATE user_account SET display_name = :d WHERE id = :id").param("d", displayName).param("id", id)
                .update();
        return id;
    }

    /** A valid identity number issued in 440102, check character computed here (GB 11643). */
    static String identityNumber(boolean male) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int seq = r.nextInt(0, 500) * 2 + (male ? 1 : 0);
        String first17 = String.format("440102%04d%02d%02d%03d", r.nextInt(1960, 2000), r.nextInt(1, 13),
                r.nextInt(1, 29), seq);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    static String withWrongCheck(String number) {
        char right = number.charAt(17);
        return number.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    /** Writes {@code rows} into a downloaded template below its sample row (Excel row 3 onwards). */
    static Path fill(Path template, Path target, List<List<String>> rows) throws Exception {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(2 + r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
        return target;
    }
}
