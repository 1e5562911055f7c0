/**
 * Working days on China's official calendar: statutory holidays and the make-up workdays (调休) the
 * State Council announces each year.
 */
package org.unionhub.platform.calendar;
