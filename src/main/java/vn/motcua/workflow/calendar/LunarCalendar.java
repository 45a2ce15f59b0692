package vn.motcua.workflow.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunar calendar (âm lịch), computed rather than tabulated: Hồ Ngọc Đức's algorithm, with the new
 * moons and the sun's longitude from Jean Meeus's "Astronomical Algorithms", reckoned at UTC+7. The time zone is
 * what makes it Vietnamese: in some years (1985, 2007) Tết falls a day or a month before the Chinese New Year.
 *
 * <p>A lunar month starts on the day of a new moon. Month 11 is the month that holds the winter solstice; a lunar
 * year with 13 months repeats, as its leap month, the first month after month 11 that holds no major solar term
 * (the sun's longitude does not cross a multiple of 30°).
 */
final class LunarCalendar {

    /** Hours east of Greenwich at which Vietnam reckons its calendar. */
    private static final double TIME_ZONE = 7.0;
    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian day of the new moon of 1 January 1900, the origin of the new-moon count. */
    private static final double NEW_MOON_1900 = 2415021.076998695;
    /** Julian day number of 1970-01-01, to convert with {@link LocalDate#toEpochDay()}. */
    private static final long EPOCH_JULIAN_DAY = 2440588;

    private LunarCalendar() {
    }

    /**
     * A day of the lunar calendar.
     *
     * @param year  the lunar year, numbered as the solar year in which it mostly falls (Tết of 2026 starts year 2026)
     * @param month 1 to 12; month 12 is tháng Chạp, month 1 tháng Giêng
     * @param leap  whether this is the repeated (nhuận) month
     */
    record LunarDate(int year, int month, int day, boolean leap) {

        static LunarDate of(int year, int month, int day) {
            return new LunarDate(year, month, day, false);
        }

        /** The year's name in the sixty-year cycle, e.g. "Bính Ngọ" for 2026. */
        String yearName() {
            return STEMS[Math.floorMod(year + 6, 10)] + " " + BRANCHES[Math.floorMod(year + 8, 12)];
        }

        private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
        private static final String[] BRANCHES =
                {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};
    }

    /** The solar date of a lunar date. Throws for a leap month the year does not have. */
    static LocalDate toSolar(LunarDate lunar) {
        long a11;
        long b11;
        if (lunar.month() < 11) {
            a11 = month11(lunar.year() - 1);
            b11 = month11(lunar.year());
        } else {
            a11 = month11(lunar.year());
            b11 = month11(lunar.year() + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
        int offset = Math.floorMod(lunar.month() - 11, 12);
        boolean leapYear = b11 - a11 > 365;
        if (leapYear) {
            int leapOffset = leapMonthOffset(a11);
            int leapMonth = Math.floorMod(leapOffset - 2, 12);
            if (lunar.leap() && lunar.month() != leapMonth) {
                throw new IllegalArgumentException("Lunar year " + lunar.year() + " has no leap month " + lunar.month());
            }
            if (lunar.leap() || offset >= leapOffset) {
                offset++;
            }
        } else if (lunar.leap()) {
            throw new IllegalArgumentException("Lunar year " + lunar.year() + " has no leap month");
        }
        long monthStart = newMoonDay(k + offset);
        return fromJulianDay(monthStart + lunar.day() - 1);
    }

    /** The lunar date of a solar date. */
    static LunarDate toLunar(LocalDate date) {
        long dayNumber = julianDay(date);
        // The new moon that starts the month: the true moon runs up to half a day off the mean one, so the estimate
        // can be one month too late (on 2054-05-07 the mean moon has started a month the true one starts the next day).
        long k = (long) Math.floor((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH) + 1;
        long monthStart = newMoonDay(k);
        while (monthStart > dayNumber) {
            monthStart = newMoonDay(--k);
        }
        int year = date.getYear();
        long a11 = month11(year);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = year;
            a11 = month11(year - 1);
        } else {
            lunarYear = year + 1;
            b11 = month11(year + 1);
        }
        int day = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int month = diff + 11;
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            if (diff >= leapOffset) {
                month = diff + 10;
                leap = diff == leapOffset;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        if (month >= 11 && diff < 4) {
            lunarYear--;
        }
        return new LunarDate(lunarYear, month, day, leap);
    }

    /** Julian day (fractional, universal time) of the k-th new moon after 1 January 1900. */
    static double newMoon(long k) {
        double t = k / 1236.85; // Julian centuries from 1900-01-00 12:00
        double t2 = t * t;
        double t3 = t2 * t;
        double jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
        double correction = (0.1734 - 0.000393 * t) * sin(m) + 0.0021 * sin(2 * m)
                - 0.4068 * sin(mpr) + 0.0161 * sin(2 * mpr) - 0.0004 * sin(3 * mpr)
                + 0.0104 * sin(2 * f) - 0.0051 * sin(m + mpr) - 0.0074 * sin(m - mpr)
                + 0.0004 * sin(2 * f + m) - 0.0004 * sin(2 * f - m) - 0.0006 * sin(2 * f + mpr)
                + 0.0010 * sin(2 * f - mpr) + 0.0005 * sin(2 * mpr + m);
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd + correction - deltaT;
    }

    /** The sun's apparent longitude in radians, in [0, 2π), at a Julian day in universal time. */
    static double sunLongitude(double julianDay) {
        double t = (julianDay - 2451545.0) / 36525; // Julian centuries from J2000
        double t2 = t * t;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // mean anomaly
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2; // mean longitude
        double center = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(m)
                + (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000290 * sin(3 * m);
        double longitude = Math.toRadians(l0 + center);
        return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
    }

    /** The local day (Julian day number) on which the k-th new moon falls. */
    private static long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
    }

    /** Which of the twelve 30° sectors the sun is in at the start of a local day (0 = from the spring equinox). */
    private static int sunSector(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI * 6);
    }

    /** The first day (Julian day number) of lunar month 11, the one holding the winter solstice of a solar year. */
    private static long month11(int year) {
        long offset = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(offset / SYNODIC_MONTH);
        long start = newMoonDay(k);
        if (sunSector(start) >= 9) { // the sun is already past 270°: the solstice was in the month before
            start = newMoonDay(k - 1);
        }
        return start;
    }

    /** How many months after month 11 (starting at {@code a11}) the leap month comes: the first with no major term. */
    private static int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int sector = sunSector(newMoonDay(k + i));
        int last;
        do {
            last = sector;
            i++;
            sector = sunSector(newMoonDay(k + i));
        } while (sector != last && i < 14);
        return i - 1;
    }

    private static long julianDay(LocalDate date) {
        return date.toEpochDay() + EPOCH_JULIAN_DAY;
    }

    private static LocalDate fromJulianDay(long julianDay) {
        return LocalDate.ofEpochDay(julianDay - EPOCH_JULIAN_DAY);
    }

    private static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }
}
