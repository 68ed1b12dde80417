package fi.celia.celianet.bookclubs.internal;

/** A club and its count of active subscriptions. */
public record ClubMembers(BookClub club, long members) {}
