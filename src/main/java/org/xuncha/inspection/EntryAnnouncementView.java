package org.xuncha.inspection;

import java.time.LocalDate;

/** The saved entry announcement data of an inspection, with the public channel code once stationed. */
record EntryAnnouncementView(long inspectionId, String phone, String mailbox, String accepts,
                                    LocalDate periodFrom, LocalDate periodTo, LocalDate cutOffOn, String channelCode,
                                    boolean channelOpen, int version) {

    /** The public address of the reporting channel, e.g. {@code /r/abc…}; null before STATIONED. */
    public String publicPath() {
        return channelCode == null ? null : "/r/" + channelCode;
    }
}
