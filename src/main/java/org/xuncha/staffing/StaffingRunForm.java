package org.xuncha.staffing;

import java.util.EnumMap;
import java.util.Map;

import org.xuncha.people.Skill;

/**
 * The office's choices for a new run: the round, seats per role and skill needs for every team, the rules
 * (四回避 items, rotation, local liaison seats) and the time limit. Defaults: one leader, one deputy, one
 * liaison, two members; all four avoidances; 30 seconds.
 */
public class StaffingRunForm {

    private Long round;
    private int leaders = 1;
    private int deputies = 1;
    private int liaisons = 1;
    private int members = 2;
    private Map<Skill, Integer> skills = new EnumMap<>(Skill.class);
    private boolean avoidResidence = true;
    private boolean avoidWorkplace = true;
    private boolean avoidPosting = true;
    private boolean avoidHometown = true;
    private boolean pushMill;
    private boolean localLiaison;
    private int seconds = 30;

    public Long getRound() {
        return round;
    }

    public void setRound(Long round) {
        this.round = round;
    }

    public int getLeaders() {
        return leaders;
    }

    public void setLeaders(int leaders) {
        this.leaders = leaders;
    }

    public int getDeputies() {
        return deputies;
    }

    public void setDeputies(int deputies) {
        this.deputies = deputies;
    }

    public int getLiaisons() {
        return liaisons;
    }

    public void setLiaisons(int liaisons) {
        this.liaisons = liaisons;
    }

    public int getMembers() {
        return members;
    }

    public void setMembers(int members) {
        this.members = members;
    }

    public Map<Skill, Integer> getSkills() {
        return skills;
    }

    public void setSkills(Map<Skill, Integer> skills) {
        this.skills = skills;
    }

    public boolean isAvoidResidence() {
        return avoidResidence;
    }

    public void setAvoidResidence(boolean avoidResidence) {
        this.avoidResidence = avoidResidence;
    }

    public boolean isAvoidWorkplace() {
        return avoidWorkplace;
    }

    public void setAvoidWorkplace(boolean avoidWorkplace) {
        this.avoidWorkplace = avoidWorkplace;
    }

    public boolean isAvoidPosting() {
        return avoidPosting;
    }

    public void setAvoidPosting(boolean avoidPosting) {
        this.avoidPosting = avoidPosting;
    }

    public boolean isAvoidHometown() {
        return avoidHometown;
    }

    public void setAvoidHometown(boolean avoidHometown) {
        this.avoidHometown = avoidHometown;
    }

    public boolean isPushMill() {
        return pushMill;
    }

    public void setPushMill(boolean pushMill) {
        this.pushMill = pushMill;
    }

    public boolean isLocalLiaison() {
        return localLiaison;
    }

    public void setLocalLiaison(boolean localLiaison) {
        this.localLiaison = localLiaison;
    }

    public int getSeconds() {
        return seconds;
    }

    public void setSeconds(int seconds) {
        this.seconds = seconds;
    }
}
