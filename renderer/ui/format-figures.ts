/** Hours as she reads them: `12.5 h`, `−1.2 h`. */
export function formatHours(hours: number, digits = 1): string {
  const rounded = Number(hours.toFixed(digits));
  return `${rounded < 0 ? '−' : ''}${Math.abs(rounded).toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits })} h`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string, fractionDigits = 0): string {
  const key = `${currency}|${fractionDigits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}
