package org.xuncha.inforequest;

import java.util.List;

/** A request with the attachments of its answer. */
record InfoRequestDetails(InfoRequestView request, List<InfoRequestAttachmentView> attachments) {
}
