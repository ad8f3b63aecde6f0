package org.xuncha.referral.letter;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The letters as issued ({@code transfer_letter}, written by referral.transfer): only the signed digests stored under a
 * number. Verification answers whether a copy is the archived letter, nothing of the archive's case data, so it reads
 * across bodies without a data scope: whoever holds a platform-signed copy learns only whether it is the stored one.
 */
@Repository
class LetterArchive {

    private final JdbcClient jdbc;

    LetterArchive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signed digests stored under this letter number (several bodies may in principle use one number). */
    List<String> digestsOf(String letterNo) {
        return jdbc.sql("SELECT signed_digest FROM transfer_letter WHERE letter_no = :no")
                .param("no", letterNo)
                .query((rs, n) -> rs.getString(1))
                .list();
    }
}
