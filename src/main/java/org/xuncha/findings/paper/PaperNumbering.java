package org.xuncha.findings.paper;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.UserInputException;

/**
 * The numbers of working papers in an office's scheme. A pattern names {年} (the year the paper was opened),
 * {简称} (the body's short name), {组} (the team: 三组 for 第三巡察组) and {序号} (the paper's sequence in its
 * inspection, two digits at least); the default gives {@code [2026]清巡三组-01号} for 清江市委第三巡察组's first paper.
 */
@Component
class PaperNumbering {

    static final String DEFAULT_PATTERN = "[{年}]{简称}巡{组}-{序号}号";
    private static final Pattern TEAM = Pattern.compile("第([一二三四五六七八九十百零〇两0-9]+)(交叉)?巡察组");

    private final WorkingPaperRepository papers;
    private final AuditTrail audit;

    PaperNumbering(WorkingPaperRepository papers, AuditTrail audit) {
        this.papers = papers;
        this.audit = audit;
    }

    /** The scheme of a body: its pattern and short name, or the default with the body's name's first character. */
    Scheme scheme(long bodyId, String bodyName) {
        return papers.numbering(bodyId).map(s -> new Scheme(s[0], s[1]))
                .orElseGet(() -> new Scheme(DEFAULT_PATTERN, defaultShortName(bodyName)));
    }

    /** The scheme of a body, its default short name taken from the body's name. */
    Scheme scheme(long bodyId) {
        return scheme(bodyId, papers.bodyName(bodyId));
    }

    record Scheme(String pattern, String shortName) {
    }

    String number(Scheme scheme, int year, String teamName, int seq) {
        return scheme.pattern().replace("{年}", Integer.toString(year)).replace("{简称}", scheme.shortName())
                .replace("{组}", teamPart(teamName)).replace("{序号}", String.format(java.util.Locale.ROOT, "%02d", seq));
    }

    /** 清江市委第三巡察组 → 三组; 第一交叉巡察组（…） → 交叉一组; a name without 第…巡察组 stays as it is. */
    static String teamPart(String teamName) {
        Matcher m = TEAM.matcher(teamName == null ? "" : teamName);
        if (m.find()) {
            return (m.group(2) == null ? "" : "交叉") + m.group(1) + "组";
        }
        return teamName == null ? "" : teamName.strip();
    }

    /** 中共清江市委… / 清江市委巡察机构 → 清. */
    static String defaultShortName(String bodyName) {
        String name = bodyName == null ? "" : bodyName.strip();
        if (name.startsWith("中共")) {
            name = name.substring(2);
        }
        return name.isEmpty() ? "" : name.substring(0, name.offsetByCodePoints(0, 1));
    }

    @Transactional
    void set(DataScope scope, String pattern, String shortName) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new AccessDeniedException("only an inspection office sets its numbering");
        }
        String p = pattern == null ? "" : pattern.strip();
        String s = shortName == null ? "" : shortName.strip();
        if (!p.contains("{序号}")) {
            throw new UserInputException("编号格式须包含 {序号}，例如 " + DEFAULT_PATTERN);
        }
        if (p.length() > 60) {
            throw new UserInputException("编号格式最多 60 字");
        }
        if (s.isEmpty() || s.length() > 20) {
            throw new UserInputException("请填写 1 至 20 字的机构简称，例如“清”");
        }
        papers.saveNumbering(scope.body().value(), p, s);
        audit.success("WORKING_PAPER_NUMBERING_SET", "WorkingPaperNumbering", scope.body().value(), "pattern=" + p);
    }
}
