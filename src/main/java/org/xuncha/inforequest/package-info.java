/**
 * 巡前通报: the office's pre-inspection information requests to collaborating departments about an inspection's
 * targets, the collaborators' answers with checked attachments, and the dossier (巡前通报汇总) of each target.
 *
 * <p>API: {@link org.xuncha.inforequest.InfoRequestStatus} only (the demo writes requests in bulk); implements
 * {@code platform.web.PendingWork}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "巡前通报",
        allowedDependencies = {"common", "platform", "audit", "identity", "inspection"})
package org.xuncha.inforequest;
