// Sift drives Debian's Chromium (/usr/bin/chromium); puppeteer must never download a browser of its own.
module.exports = { skipDownload: true };
