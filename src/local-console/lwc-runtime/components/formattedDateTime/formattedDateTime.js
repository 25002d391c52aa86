// lightning-formatted-date-time, played with Intl.DateTimeFormat: value (ISO string, Date or
// milliseconds) and the Intl options the base component takes (year, month, day, weekday, hour,
// minute, second, time-zone, hour12, time-zone-name).
import { LightningElement, api } from 'lwc';

export default class FormattedDateTime extends LightningElement {
    @api value;
    @api year;
    @api month;
    @api day;
    @api weekday;
    @api hour;
    @api minute;
    @api second;
    @api timeZone;
    @api timeZoneName;
    @api hour12;

    get formatted() {
        if (this.value === undefined || this.value === null || this.value === '') {
            return '';
        }
        const date = new Date(this.value);
        if (Number.isNaN(date.getTime())) {
            return '';
        }
        const options = {};
        for (const name of [
            'year',
            'month',
            'day',
            'weekday',
            'hour',
            'minute',
            'second',
            'timeZone',
            'timeZoneName'
        ]) {
            if (this[name]) {
                options[name] = this[name];
            }
        }
        if (this.hour12 !== undefined) {
            options.hour12 = this.hour12 !== false && this.hour12 !== 'false';
        }
        if (Object.keys(options).length === 0) {
            options.year = 'numeric';
            options.month = 'numeric';
            options.day = 'numeric';
        }
        try {
            return new Intl.DateTimeFormat('en-US', options).format(date);
        } catch {
            return date.toISOString();
        }
    }
}
