package org.xuncha.intake;

/** How a petition reached the team: the public page (码上巡), or registered by staff from a letter, call or visit. */
enum PetitionChannel {
    WEB("码上巡"),
    LETTER("来信"),
    CALL("来电"),
    VISIT("来访");

    private final String label;

    PetitionChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Channels staff register by hand; WEB only comes from the public page or API. */
    public boolean staffIntake() {
        return this != WEB;
    }
}
