package io.bantam.booking.availability.persistence;

/**
 * A row of {@code availability} joined with one of its {@code availability_window} rows (the window columns are
 * null for a freelancer with no windows). Never leaves this package.
 */
record WindowRow(String timeZone, Short dayOfWeek, Short startMinute, Short endMinute) {
}
