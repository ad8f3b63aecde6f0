/**
 * 巡前通报: the office's pre-inspection information requests to collaborating departments about an inspection's
 * targets, the collaborators' answers with checked attachments, and the dossier (巡前通报汇总) of each target.
 */
@org.springframework.modulith.ApplicationModule(displayName = "巡前通报")
package org.xuncha.inforequest;
