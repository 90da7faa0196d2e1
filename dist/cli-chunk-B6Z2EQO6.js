import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  RegistryError
} from "./cli-chunk-VHUSGLFD.js";
import {
  __commonJS,
  __toESM
} from "./cli-chunk-WXNRKKY2.js";

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate, compare) {
      return { validate, compare };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str) {
      const matches = DATE.exec(str);
      if (!matches)
        return false;
      const year = +matches[1];
      const month = +matches[2];
      const day = +matches[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
          return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str) {
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str) {
      return NOT_URI_FRAGMENT.test(str) && URI.test(str);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str) {
      BYTE.lastIndex = 0;
      return BYTE.test(str);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str) {
      if (Z_ANCHOR.test(str))
        return false;
      try {
        new RegExp(str);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// src/domain/generated/validators.js
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_equal = __toESM(require_equal(), 1);
var import_formats = __toESM(require_formats(), 1);
var modelVersion = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://git-model-registry.dev/schemas/model-version.schema.json", "title": "ModelVersion", "description": "One registered version of a model: models/<name>/versions/<a>/<b>/<c>/<version>.json on the registry branch (layout 2; models/<name>/<version>.json in layout 1). Field names follow the Python registry this project replaces (snake_case).", "type": "object", "additionalProperties": false, "required": ["schema_version", "model_id", "name", "model_type", "version", "created_at", "registered_at", "file_path", "metadata_path", "checksum", "artifact", "model_config", "training_metadata", "deployment_stage", "deployed_at", "stage_history", "performance_metrics", "tags", "notes", "parent_model_id", "dataset_version", "source"], "properties": { "schema_version": { "const": 1 }, "model_id": { "$ref": "#/$defs/model_id" }, "name": { "$ref": "#/$defs/slug" }, "model_type": { "$ref": "#/$defs/slug" }, "version": { "$ref": "#/$defs/semver" }, "created_at": { "type": "string", "format": "date-time" }, "registered_at": { "type": "string", "format": "date-time" }, "file_path": { "type": "string", "minLength": 1 }, "metadata_path": { "type": "string", "pattern": "^models/[a-z0-9][a-z0-9_.-]{0,62}/(versions/[0-9a-f]/[0-9a-f]/[0-9a-f]/)?[^/]+\\.json$" }, "checksum": { "$ref": "#/$defs/sha256" }, "artifact": { "$ref": "#/$defs/artifact" }, "model_config": { "type": "object" }, "training_metadata": { "type": "object" }, "deployment_stage": { "$ref": "#/$defs/stage" }, "deployed_at": { "type": ["string", "null"], "format": "date-time" }, "stage_history": { "type": "array", "items": { "$ref": "#/$defs/stage_event" } }, "performance_metrics": { "$ref": "#/$defs/metrics" }, "tags": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } }, "notes": { "type": "string", "maxLength": 1e4 }, "parent_model_id": { "anyOf": [{ "$ref": "#/$defs/model_id" }, { "type": "null" }] }, "dataset_version": { "type": ["string", "null"], "maxLength": 200 }, "source": { "$ref": "#/$defs/source" }, "archived_at": { "type": "string", "format": "date-time" }, "reason": { "type": "string", "maxLength": 1e3 } }, "$defs": { "slug": { "type": "string", "pattern": "^[a-z0-9][a-z0-9_.-]{0,62}$" }, "model_id": { "type": "string", "pattern": "^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{6}(_[0-9]+)?$" }, "semver": { "type": "string", "pattern": "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$" }, "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "stage": { "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,31}$" }, "tag": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}$" }, "metrics": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z][A-Za-z0-9_.-]{0,63}$" }, "additionalProperties": { "type": "number" } }, "stage_event": { "type": "object", "additionalProperties": false, "required": ["stage", "at", "by", "via"], "properties": { "stage": { "$ref": "#/$defs/stage" }, "at": { "type": "string", "format": "date-time" }, "by": { "type": "string", "minLength": 1, "maxLength": 200 }, "via": { "type": "string", "minLength": 1, "maxLength": 200 } } }, "part": { "type": "object", "additionalProperties": false, "required": ["index", "size", "sha256"], "properties": { "index": { "type": "integer", "minimum": 0 }, "size": { "type": "integer", "minimum": 0 }, "sha256": { "$ref": "#/$defs/sha256" }, "name": { "type": "string" } } }, "artifact": { "type": "object", "additionalProperties": false, "required": ["store", "file_name", "size", "sha256", "media_type"], "properties": { "store": { "enum": ["local", "github-release"] }, "uri": { "type": "string" }, "file_name": { "type": "string", "pattern": "^[^/\\\\]{1,255}$" }, "size": { "type": "integer", "minimum": 0 }, "sha256": { "$ref": "#/$defs/sha256" }, "media_type": { "type": "string", "minLength": 1 }, "compression": { "enum": ["none", "gzip"] }, "parts": { "type": "array", "items": { "$ref": "#/$defs/part" } }, "release": { "type": "object", "additionalProperties": false, "required": ["id", "tag"], "properties": { "id": { "type": "integer" }, "tag": { "type": "string" }, "url": { "type": "string" }, "immutable": { "type": "boolean" } } }, "assets": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["id", "name", "size", "sha256"], "properties": { "id": { "type": "integer" }, "name": { "type": "string" }, "size": { "type": "integer", "minimum": 0 }, "sha256": { "$ref": "#/$defs/sha256" }, "url": { "type": "string" }, "path": { "description": "A directory version: the manifest path of the file whose bytes this asset holds", "type": "string", "minLength": 1 }, "part": { "description": "A directory file split in parts: which part (0-based) this asset is", "type": "integer", "minimum": 0 } } } }, "manifest": { "description": "A directory registered as one version: every file, sorted by path (UTF-8 bytes); sha256 above is the SHA-256 of the canonical manifest (README.md, Directories)", "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "required": ["path", "size", "sha256"], "properties": { "path": { "type": "string", "minLength": 1, "pattern": "^[^/\\\\]" }, "size": { "type": "integer", "minimum": 0 }, "sha256": { "$ref": "#/$defs/sha256" } } } }, "deleted": { "type": "boolean", "description": "true once retention removed the stored bytes (archived tombstone)" }, "stored": { "description": "With compression: the stored (compressed) bytes; size and sha256 above are the model file's own", "type": "object", "additionalProperties": false, "required": ["file_name", "size", "sha256"], "properties": { "file_name": { "type": "string", "pattern": "^[^/\\\\]{1,255}$" }, "size": { "type": "integer", "minimum": 0 }, "sha256": { "$ref": "#/$defs/sha256" } } } } }, "source": { "type": "object", "additionalProperties": false, "properties": { "repository": { "type": "string" }, "commit": { "type": "string" }, "workflow_run": { "type": "string" }, "actor": { "type": "string" }, "dirty": { "type": "boolean", "description": "local registrations: whether tracked files of the working tree differed from commit (untracked files do not count)" } } } } };
var func1 = Object.prototype.hasOwnProperty;
var func2 = import_ucs2length.default.default;
var func0 = import_equal.default.default;
var pattern4 = new RegExp("^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{6}(_[0-9]+)?$", "u");
var pattern5 = new RegExp("^[a-z0-9][a-z0-9_.-]{0,62}$", "u");
var pattern7 = new RegExp("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$", "u");
var pattern8 = new RegExp("^models/[a-z0-9][a-z0-9_.-]{0,62}/(versions/[0-9a-f]/[0-9a-f]/[0-9a-f]/)?[^/]+\\.json$", "u");
var pattern9 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern18 = new RegExp("^[a-z][a-z0-9_-]{0,31}$", "u");
var pattern20 = new RegExp("^[A-Za-z][A-Za-z0-9_.-]{0,63}$", "u");
var pattern21 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}$", "u");
var formats0 = import_formats.default.fullFormats["date-time"];
var schema37 = { "type": "object", "additionalProperties": false, "required": ["store", "file_name", "size", "sha256", "media_type"], "properties": { "store": { "enum": ["local", "github-release"] }, "uri": { "type": "string" }, "file_name": { "type": "string", "pattern": "^[^/\\\\]{1,255}$" }, "size": { "type": "integer", "minimum": 0 }, "sha256": { "$ref": "#/$defs/sha256" }, "media_type": { "type": "string", "minLength": 1 }, "compression": { "enum": ["none", "gzip"] }, "parts": { "type": "array", "items": { "$ref": "#/$defs/part" } }, "release": { "type": "object", "additionalProperties": false, "required": ["id", "tag"], "properties": { "id": { "type": "integer" }, "tag": { "type": "string" }, "url": { "type": "string" }, "immutable": { "type": "boolean" } } }, "assets": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["id", "name", "size", "sha256"], "properties": { "id": { "type": "integer" }, "name": { "type": "string" }, "size": { "type": "integer", "minimum": 0 }, "sha256": { "$ref": "#/$defs/sha256" }, "url": { "type": "string" }, "path": { "description": "A directory version: the manifest path of the file whose bytes this asset holds", "type": "string", "minLength": 1 }, "part": { "description": "A directory file split in parts: which part (0-based) this asset is", "type": "integer", "minimum": 0 } } } }, "manifest": { "description": "A directory registered as one version: every file, sorted by path (UTF-8 bytes); sha256 above is the SHA-256 of the canonical manifest (README.md, Directories)", "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "required": ["path", "size", "sha256"], "properties": { "path": { "type": "string", "minLength": 1, "pattern": "^[^/\\\\]" }, "size": { "type": "integer", "minimum": 0 }, "sha256": { "$ref": "#/$defs/sha256" } } } }, "deleted": { "type": "boolean", "description": "true once retention removed the stored bytes (archived tombstone)" }, "stored": { "description": "With compression: the stored (compressed) bytes; size and sha256 above are the model file's own", "type": "object", "additionalProperties": false, "required": ["file_name", "size", "sha256"], "properties": { "file_name": { "type": "string", "pattern": "^[^/\\\\]{1,255}$" }, "size": { "type": "integer", "minimum": 0 }, "sha256": { "$ref": "#/$defs/sha256" } } } } };
var pattern10 = new RegExp("^[^/\\\\]{1,255}$", "u");
var pattern14 = new RegExp("^[^/\\\\]", "u");
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.index === void 0 && (missing0 = "index") || data.size === void 0 && (missing0 = "size") || data.sha256 === void 0 && (missing0 = "sha256")) {
        validate22.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "index" || key0 === "size" || key0 === "sha256" || key0 === "name")) {
            validate22.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.index !== void 0) {
            let data0 = data.index;
            const _errs2 = errors;
            if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0))) {
              validate22.errors = [{ instancePath: instancePath + "/index", schemaPath: "#/properties/index/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
              return false;
            }
            if (errors === _errs2) {
              if (typeof data0 == "number" && isFinite(data0)) {
                if (data0 < 0 || isNaN(data0)) {
                  validate22.errors = [{ instancePath: instancePath + "/index", schemaPath: "#/properties/index/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                  return false;
                }
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.size !== void 0) {
              let data1 = data.size;
              const _errs4 = errors;
              if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
                validate22.errors = [{ instancePath: instancePath + "/size", schemaPath: "#/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                return false;
              }
              if (errors === _errs4) {
                if (typeof data1 == "number" && isFinite(data1)) {
                  if (data1 < 0 || isNaN(data1)) {
                    validate22.errors = [{ instancePath: instancePath + "/size", schemaPath: "#/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                    return false;
                  }
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.sha256 !== void 0) {
                let data2 = data.sha256;
                const _errs6 = errors;
                const _errs7 = errors;
                if (errors === _errs7) {
                  if (typeof data2 === "string") {
                    if (!pattern9.test(data2)) {
                      validate22.errors = [{ instancePath: instancePath + "/sha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                      return false;
                    }
                  } else {
                    validate22.errors = [{ instancePath: instancePath + "/sha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.name !== void 0) {
                  const _errs9 = errors;
                  if (typeof data.name !== "string") {
                    validate22.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate22.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate22.errors = vErrors;
  return errors === 0;
}
validate22.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.store === void 0 && (missing0 = "store") || data.file_name === void 0 && (missing0 = "file_name") || data.size === void 0 && (missing0 = "size") || data.sha256 === void 0 && (missing0 = "sha256") || data.media_type === void 0 && (missing0 = "media_type")) {
        validate21.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func1.call(schema37.properties, key0)) {
            validate21.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.store !== void 0) {
            let data0 = data.store;
            const _errs2 = errors;
            if (!(data0 === "local" || data0 === "github-release")) {
              validate21.errors = [{ instancePath: instancePath + "/store", schemaPath: "#/properties/store/enum", keyword: "enum", params: { allowedValues: schema37.properties.store.enum }, message: "must be equal to one of the allowed values" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.uri !== void 0) {
              const _errs3 = errors;
              if (typeof data.uri !== "string") {
                validate21.errors = [{ instancePath: instancePath + "/uri", schemaPath: "#/properties/uri/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.file_name !== void 0) {
                let data2 = data.file_name;
                const _errs5 = errors;
                if (errors === _errs5) {
                  if (typeof data2 === "string") {
                    if (!pattern10.test(data2)) {
                      validate21.errors = [{ instancePath: instancePath + "/file_name", schemaPath: "#/properties/file_name/pattern", keyword: "pattern", params: { pattern: "^[^/\\\\]{1,255}$" }, message: 'must match pattern "^[^/\\\\]{1,255}$"' }];
                      return false;
                    }
                  } else {
                    validate21.errors = [{ instancePath: instancePath + "/file_name", schemaPath: "#/properties/file_name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid0 = _errs5 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.size !== void 0) {
                  let data3 = data.size;
                  const _errs7 = errors;
                  if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
                    validate21.errors = [{ instancePath: instancePath + "/size", schemaPath: "#/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                    return false;
                  }
                  if (errors === _errs7) {
                    if (typeof data3 == "number" && isFinite(data3)) {
                      if (data3 < 0 || isNaN(data3)) {
                        validate21.errors = [{ instancePath: instancePath + "/size", schemaPath: "#/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                        return false;
                      }
                    }
                  }
                  var valid0 = _errs7 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.sha256 !== void 0) {
                    let data4 = data.sha256;
                    const _errs9 = errors;
                    const _errs10 = errors;
                    if (errors === _errs10) {
                      if (typeof data4 === "string") {
                        if (!pattern9.test(data4)) {
                          validate21.errors = [{ instancePath: instancePath + "/sha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                          return false;
                        }
                      } else {
                        validate21.errors = [{ instancePath: instancePath + "/sha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                        return false;
                      }
                    }
                    var valid0 = _errs9 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.media_type !== void 0) {
                      let data5 = data.media_type;
                      const _errs12 = errors;
                      if (errors === _errs12) {
                        if (typeof data5 === "string") {
                          if (func2(data5) < 1) {
                            validate21.errors = [{ instancePath: instancePath + "/media_type", schemaPath: "#/properties/media_type/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                            return false;
                          }
                        } else {
                          validate21.errors = [{ instancePath: instancePath + "/media_type", schemaPath: "#/properties/media_type/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                          return false;
                        }
                      }
                      var valid0 = _errs12 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.compression !== void 0) {
                        let data6 = data.compression;
                        const _errs14 = errors;
                        if (!(data6 === "none" || data6 === "gzip")) {
                          validate21.errors = [{ instancePath: instancePath + "/compression", schemaPath: "#/properties/compression/enum", keyword: "enum", params: { allowedValues: schema37.properties.compression.enum }, message: "must be equal to one of the allowed values" }];
                          return false;
                        }
                        var valid0 = _errs14 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.parts !== void 0) {
                          let data7 = data.parts;
                          const _errs15 = errors;
                          if (errors === _errs15) {
                            if (Array.isArray(data7)) {
                              var valid2 = true;
                              const len0 = data7.length;
                              for (let i0 = 0; i0 < len0; i0++) {
                                const _errs17 = errors;
                                if (!validate22(data7[i0], { instancePath: instancePath + "/parts/" + i0, parentData: data7, parentDataProperty: i0, rootData, dynamicAnchors })) {
                                  vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
                                  errors = vErrors.length;
                                }
                                var valid2 = _errs17 === errors;
                                if (!valid2) {
                                  break;
                                }
                              }
                            } else {
                              validate21.errors = [{ instancePath: instancePath + "/parts", schemaPath: "#/properties/parts/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                              return false;
                            }
                          }
                          var valid0 = _errs15 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.release !== void 0) {
                            let data9 = data.release;
                            const _errs18 = errors;
                            if (errors === _errs18) {
                              if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                                let missing1;
                                if (data9.id === void 0 && (missing1 = "id") || data9.tag === void 0 && (missing1 = "tag")) {
                                  validate21.errors = [{ instancePath: instancePath + "/release", schemaPath: "#/properties/release/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
                                  return false;
                                } else {
                                  const _errs20 = errors;
                                  for (const key1 in data9) {
                                    if (!(key1 === "id" || key1 === "tag" || key1 === "url" || key1 === "immutable")) {
                                      validate21.errors = [{ instancePath: instancePath + "/release", schemaPath: "#/properties/release/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" }];
                                      return false;
                                      break;
                                    }
                                  }
                                  if (_errs20 === errors) {
                                    if (data9.id !== void 0) {
                                      let data10 = data9.id;
                                      const _errs21 = errors;
                                      if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)) && isFinite(data10))) {
                                        validate21.errors = [{ instancePath: instancePath + "/release/id", schemaPath: "#/properties/release/properties/id/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                        return false;
                                      }
                                      var valid3 = _errs21 === errors;
                                    } else {
                                      var valid3 = true;
                                    }
                                    if (valid3) {
                                      if (data9.tag !== void 0) {
                                        const _errs23 = errors;
                                        if (typeof data9.tag !== "string") {
                                          validate21.errors = [{ instancePath: instancePath + "/release/tag", schemaPath: "#/properties/release/properties/tag/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                          return false;
                                        }
                                        var valid3 = _errs23 === errors;
                                      } else {
                                        var valid3 = true;
                                      }
                                      if (valid3) {
                                        if (data9.url !== void 0) {
                                          const _errs25 = errors;
                                          if (typeof data9.url !== "string") {
                                            validate21.errors = [{ instancePath: instancePath + "/release/url", schemaPath: "#/properties/release/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                            return false;
                                          }
                                          var valid3 = _errs25 === errors;
                                        } else {
                                          var valid3 = true;
                                        }
                                        if (valid3) {
                                          if (data9.immutable !== void 0) {
                                            const _errs27 = errors;
                                            if (typeof data9.immutable !== "boolean") {
                                              validate21.errors = [{ instancePath: instancePath + "/release/immutable", schemaPath: "#/properties/release/properties/immutable/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                                              return false;
                                            }
                                            var valid3 = _errs27 === errors;
                                          } else {
                                            var valid3 = true;
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              } else {
                                validate21.errors = [{ instancePath: instancePath + "/release", schemaPath: "#/properties/release/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                return false;
                              }
                            }
                            var valid0 = _errs18 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.assets !== void 0) {
                              let data14 = data.assets;
                              const _errs29 = errors;
                              if (errors === _errs29) {
                                if (Array.isArray(data14)) {
                                  var valid4 = true;
                                  const len1 = data14.length;
                                  for (let i1 = 0; i1 < len1; i1++) {
                                    let data15 = data14[i1];
                                    const _errs31 = errors;
                                    if (errors === _errs31) {
                                      if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
                                        let missing2;
                                        if (data15.id === void 0 && (missing2 = "id") || data15.name === void 0 && (missing2 = "name") || data15.size === void 0 && (missing2 = "size") || data15.sha256 === void 0 && (missing2 = "sha256")) {
                                          validate21.errors = [{ instancePath: instancePath + "/assets/" + i1, schemaPath: "#/properties/assets/items/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'" }];
                                          return false;
                                        } else {
                                          const _errs33 = errors;
                                          for (const key2 in data15) {
                                            if (!(key2 === "id" || key2 === "name" || key2 === "size" || key2 === "sha256" || key2 === "url" || key2 === "path" || key2 === "part")) {
                                              validate21.errors = [{ instancePath: instancePath + "/assets/" + i1, schemaPath: "#/properties/assets/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" }];
                                              return false;
                                              break;
                                            }
                                          }
                                          if (_errs33 === errors) {
                                            if (data15.id !== void 0) {
                                              let data16 = data15.id;
                                              const _errs34 = errors;
                                              if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
                                                validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/id", schemaPath: "#/properties/assets/items/properties/id/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                return false;
                                              }
                                              var valid5 = _errs34 === errors;
                                            } else {
                                              var valid5 = true;
                                            }
                                            if (valid5) {
                                              if (data15.name !== void 0) {
                                                const _errs36 = errors;
                                                if (typeof data15.name !== "string") {
                                                  validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/name", schemaPath: "#/properties/assets/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                                var valid5 = _errs36 === errors;
                                              } else {
                                                var valid5 = true;
                                              }
                                              if (valid5) {
                                                if (data15.size !== void 0) {
                                                  let data18 = data15.size;
                                                  const _errs38 = errors;
                                                  if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
                                                    validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/size", schemaPath: "#/properties/assets/items/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                    return false;
                                                  }
                                                  if (errors === _errs38) {
                                                    if (typeof data18 == "number" && isFinite(data18)) {
                                                      if (data18 < 0 || isNaN(data18)) {
                                                        validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/size", schemaPath: "#/properties/assets/items/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                        return false;
                                                      }
                                                    }
                                                  }
                                                  var valid5 = _errs38 === errors;
                                                } else {
                                                  var valid5 = true;
                                                }
                                                if (valid5) {
                                                  if (data15.sha256 !== void 0) {
                                                    let data19 = data15.sha256;
                                                    const _errs40 = errors;
                                                    const _errs41 = errors;
                                                    if (errors === _errs41) {
                                                      if (typeof data19 === "string") {
                                                        if (!pattern9.test(data19)) {
                                                          validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/sha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                                                          return false;
                                                        }
                                                      } else {
                                                        validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/sha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid5 = _errs40 === errors;
                                                  } else {
                                                    var valid5 = true;
                                                  }
                                                  if (valid5) {
                                                    if (data15.url !== void 0) {
                                                      const _errs43 = errors;
                                                      if (typeof data15.url !== "string") {
                                                        validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/url", schemaPath: "#/properties/assets/items/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                        return false;
                                                      }
                                                      var valid5 = _errs43 === errors;
                                                    } else {
                                                      var valid5 = true;
                                                    }
                                                    if (valid5) {
                                                      if (data15.path !== void 0) {
                                                        let data21 = data15.path;
                                                        const _errs45 = errors;
                                                        if (errors === _errs45) {
                                                          if (typeof data21 === "string") {
                                                            if (func2(data21) < 1) {
                                                              validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/path", schemaPath: "#/properties/assets/items/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                                              return false;
                                                            }
                                                          } else {
                                                            validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/path", schemaPath: "#/properties/assets/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                            return false;
                                                          }
                                                        }
                                                        var valid5 = _errs45 === errors;
                                                      } else {
                                                        var valid5 = true;
                                                      }
                                                      if (valid5) {
                                                        if (data15.part !== void 0) {
                                                          let data22 = data15.part;
                                                          const _errs47 = errors;
                                                          if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
                                                            validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/part", schemaPath: "#/properties/assets/items/properties/part/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                            return false;
                                                          }
                                                          if (errors === _errs47) {
                                                            if (typeof data22 == "number" && isFinite(data22)) {
                                                              if (data22 < 0 || isNaN(data22)) {
                                                                validate21.errors = [{ instancePath: instancePath + "/assets/" + i1 + "/part", schemaPath: "#/properties/assets/items/properties/part/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                                return false;
                                                              }
                                                            }
                                                          }
                                                          var valid5 = _errs47 === errors;
                                                        } else {
                                                          var valid5 = true;
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      } else {
                                        validate21.errors = [{ instancePath: instancePath + "/assets/" + i1, schemaPath: "#/properties/assets/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                        return false;
                                      }
                                    }
                                    var valid4 = _errs31 === errors;
                                    if (!valid4) {
                                      break;
                                    }
                                  }
                                } else {
                                  validate21.errors = [{ instancePath: instancePath + "/assets", schemaPath: "#/properties/assets/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                  return false;
                                }
                              }
                              var valid0 = _errs29 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.manifest !== void 0) {
                                let data23 = data.manifest;
                                const _errs49 = errors;
                                if (errors === _errs49) {
                                  if (Array.isArray(data23)) {
                                    if (data23.length < 1) {
                                      validate21.errors = [{ instancePath: instancePath + "/manifest", schemaPath: "#/properties/manifest/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" }];
                                      return false;
                                    } else {
                                      var valid7 = true;
                                      const len2 = data23.length;
                                      for (let i2 = 0; i2 < len2; i2++) {
                                        let data24 = data23[i2];
                                        const _errs51 = errors;
                                        if (errors === _errs51) {
                                          if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
                                            let missing3;
                                            if (data24.path === void 0 && (missing3 = "path") || data24.size === void 0 && (missing3 = "size") || data24.sha256 === void 0 && (missing3 = "sha256")) {
                                              validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2, schemaPath: "#/properties/manifest/items/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'" }];
                                              return false;
                                            } else {
                                              const _errs53 = errors;
                                              for (const key3 in data24) {
                                                if (!(key3 === "path" || key3 === "size" || key3 === "sha256")) {
                                                  validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2, schemaPath: "#/properties/manifest/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" }];
                                                  return false;
                                                  break;
                                                }
                                              }
                                              if (_errs53 === errors) {
                                                if (data24.path !== void 0) {
                                                  let data25 = data24.path;
                                                  const _errs54 = errors;
                                                  if (errors === _errs54) {
                                                    if (typeof data25 === "string") {
                                                      if (func2(data25) < 1) {
                                                        validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2 + "/path", schemaPath: "#/properties/manifest/items/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                                        return false;
                                                      } else {
                                                        if (!pattern14.test(data25)) {
                                                          validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2 + "/path", schemaPath: "#/properties/manifest/items/properties/path/pattern", keyword: "pattern", params: { pattern: "^[^/\\\\]" }, message: 'must match pattern "^[^/\\\\]"' }];
                                                          return false;
                                                        }
                                                      }
                                                    } else {
                                                      validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2 + "/path", schemaPath: "#/properties/manifest/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid8 = _errs54 === errors;
                                                } else {
                                                  var valid8 = true;
                                                }
                                                if (valid8) {
                                                  if (data24.size !== void 0) {
                                                    let data26 = data24.size;
                                                    const _errs56 = errors;
                                                    if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26))) {
                                                      validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2 + "/size", schemaPath: "#/properties/manifest/items/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                      return false;
                                                    }
                                                    if (errors === _errs56) {
                                                      if (typeof data26 == "number" && isFinite(data26)) {
                                                        if (data26 < 0 || isNaN(data26)) {
                                                          validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2 + "/size", schemaPath: "#/properties/manifest/items/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                          return false;
                                                        }
                                                      }
                                                    }
                                                    var valid8 = _errs56 === errors;
                                                  } else {
                                                    var valid8 = true;
                                                  }
                                                  if (valid8) {
                                                    if (data24.sha256 !== void 0) {
                                                      let data27 = data24.sha256;
                                                      const _errs58 = errors;
                                                      const _errs59 = errors;
                                                      if (errors === _errs59) {
                                                        if (typeof data27 === "string") {
                                                          if (!pattern9.test(data27)) {
                                                            validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2 + "/sha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                                                            return false;
                                                          }
                                                        } else {
                                                          validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2 + "/sha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                          return false;
                                                        }
                                                      }
                                                      var valid8 = _errs58 === errors;
                                                    } else {
                                                      var valid8 = true;
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          } else {
                                            validate21.errors = [{ instancePath: instancePath + "/manifest/" + i2, schemaPath: "#/properties/manifest/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                            return false;
                                          }
                                        }
                                        var valid7 = _errs51 === errors;
                                        if (!valid7) {
                                          break;
                                        }
                                      }
                                    }
                                  } else {
                                    validate21.errors = [{ instancePath: instancePath + "/manifest", schemaPath: "#/properties/manifest/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                    return false;
                                  }
                                }
                                var valid0 = _errs49 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data.deleted !== void 0) {
                                  const _errs61 = errors;
                                  if (typeof data.deleted !== "boolean") {
                                    validate21.errors = [{ instancePath: instancePath + "/deleted", schemaPath: "#/properties/deleted/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                                    return false;
                                  }
                                  var valid0 = _errs61 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.stored !== void 0) {
                                    let data29 = data.stored;
                                    const _errs63 = errors;
                                    if (errors === _errs63) {
                                      if (data29 && typeof data29 == "object" && !Array.isArray(data29)) {
                                        let missing4;
                                        if (data29.file_name === void 0 && (missing4 = "file_name") || data29.size === void 0 && (missing4 = "size") || data29.sha256 === void 0 && (missing4 = "sha256")) {
                                          validate21.errors = [{ instancePath: instancePath + "/stored", schemaPath: "#/properties/stored/required", keyword: "required", params: { missingProperty: missing4 }, message: "must have required property '" + missing4 + "'" }];
                                          return false;
                                        } else {
                                          const _errs65 = errors;
                                          for (const key4 in data29) {
                                            if (!(key4 === "file_name" || key4 === "size" || key4 === "sha256")) {
                                              validate21.errors = [{ instancePath: instancePath + "/stored", schemaPath: "#/properties/stored/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" }];
                                              return false;
                                              break;
                                            }
                                          }
                                          if (_errs65 === errors) {
                                            if (data29.file_name !== void 0) {
                                              let data30 = data29.file_name;
                                              const _errs66 = errors;
                                              if (errors === _errs66) {
                                                if (typeof data30 === "string") {
                                                  if (!pattern10.test(data30)) {
                                                    validate21.errors = [{ instancePath: instancePath + "/stored/file_name", schemaPath: "#/properties/stored/properties/file_name/pattern", keyword: "pattern", params: { pattern: "^[^/\\\\]{1,255}$" }, message: 'must match pattern "^[^/\\\\]{1,255}$"' }];
                                                    return false;
                                                  }
                                                } else {
                                                  validate21.errors = [{ instancePath: instancePath + "/stored/file_name", schemaPath: "#/properties/stored/properties/file_name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                              }
                                              var valid10 = _errs66 === errors;
                                            } else {
                                              var valid10 = true;
                                            }
                                            if (valid10) {
                                              if (data29.size !== void 0) {
                                                let data31 = data29.size;
                                                const _errs68 = errors;
                                                if (!(typeof data31 == "number" && (!(data31 % 1) && !isNaN(data31)) && isFinite(data31))) {
                                                  validate21.errors = [{ instancePath: instancePath + "/stored/size", schemaPath: "#/properties/stored/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                  return false;
                                                }
                                                if (errors === _errs68) {
                                                  if (typeof data31 == "number" && isFinite(data31)) {
                                                    if (data31 < 0 || isNaN(data31)) {
                                                      validate21.errors = [{ instancePath: instancePath + "/stored/size", schemaPath: "#/properties/stored/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                      return false;
                                                    }
                                                  }
                                                }
                                                var valid10 = _errs68 === errors;
                                              } else {
                                                var valid10 = true;
                                              }
                                              if (valid10) {
                                                if (data29.sha256 !== void 0) {
                                                  let data32 = data29.sha256;
                                                  const _errs70 = errors;
                                                  const _errs71 = errors;
                                                  if (errors === _errs71) {
                                                    if (typeof data32 === "string") {
                                                      if (!pattern9.test(data32)) {
                                                        validate21.errors = [{ instancePath: instancePath + "/stored/sha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate21.errors = [{ instancePath: instancePath + "/stored/sha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid10 = _errs70 === errors;
                                                } else {
                                                  var valid10 = true;
                                                }
                                              }
                                            }
                                          }
                                        }
                                      } else {
                                        validate21.errors = [{ instancePath: instancePath + "/stored", schemaPath: "#/properties/stored/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                        return false;
                                      }
                                    }
                                    var valid0 = _errs63 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate21.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.stage === void 0 && (missing0 = "stage") || data.at === void 0 && (missing0 = "at") || data.by === void 0 && (missing0 = "by") || data.via === void 0 && (missing0 = "via")) {
        validate25.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "stage" || key0 === "at" || key0 === "by" || key0 === "via")) {
            validate25.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.stage !== void 0) {
            let data0 = data.stage;
            const _errs2 = errors;
            const _errs3 = errors;
            if (errors === _errs3) {
              if (typeof data0 === "string") {
                if (!pattern18.test(data0)) {
                  validate25.errors = [{ instancePath: instancePath + "/stage", schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"' }];
                  return false;
                }
              } else {
                validate25.errors = [{ instancePath: instancePath + "/stage", schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.at !== void 0) {
              let data1 = data.at;
              const _errs5 = errors;
              if (errors === _errs5) {
                if (errors === _errs5) {
                  if (typeof data1 === "string") {
                    if (!formats0.validate(data1)) {
                      validate25.errors = [{ instancePath: instancePath + "/at", schemaPath: "#/properties/at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                      return false;
                    }
                  } else {
                    validate25.errors = [{ instancePath: instancePath + "/at", schemaPath: "#/properties/at/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
              }
              var valid0 = _errs5 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.by !== void 0) {
                let data2 = data.by;
                const _errs7 = errors;
                if (errors === _errs7) {
                  if (typeof data2 === "string") {
                    if (func2(data2) > 200) {
                      validate25.errors = [{ instancePath: instancePath + "/by", schemaPath: "#/properties/by/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" }];
                      return false;
                    } else {
                      if (func2(data2) < 1) {
                        validate25.errors = [{ instancePath: instancePath + "/by", schemaPath: "#/properties/by/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                        return false;
                      }
                    }
                  } else {
                    validate25.errors = [{ instancePath: instancePath + "/by", schemaPath: "#/properties/by/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.via !== void 0) {
                  let data3 = data.via;
                  const _errs9 = errors;
                  if (errors === _errs9) {
                    if (typeof data3 === "string") {
                      if (func2(data3) > 200) {
                        validate25.errors = [{ instancePath: instancePath + "/via", schemaPath: "#/properties/via/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" }];
                        return false;
                      } else {
                        if (func2(data3) < 1) {
                          validate25.errors = [{ instancePath: instancePath + "/via", schemaPath: "#/properties/via/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                          return false;
                        }
                      }
                    } else {
                      validate25.errors = [{ instancePath: instancePath + "/via", schemaPath: "#/properties/via/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate25.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.schema_version === void 0 && (missing0 = "schema_version") || data.model_id === void 0 && (missing0 = "model_id") || data.name === void 0 && (missing0 = "name") || data.model_type === void 0 && (missing0 = "model_type") || data.version === void 0 && (missing0 = "version") || data.created_at === void 0 && (missing0 = "created_at") || data.registered_at === void 0 && (missing0 = "registered_at") || data.file_path === void 0 && (missing0 = "file_path") || data.metadata_path === void 0 && (missing0 = "metadata_path") || data.checksum === void 0 && (missing0 = "checksum") || data.artifact === void 0 && (missing0 = "artifact") || data.model_config === void 0 && (missing0 = "model_config") || data.training_metadata === void 0 && (missing0 = "training_metadata") || data.deployment_stage === void 0 && (missing0 = "deployment_stage") || data.deployed_at === void 0 && (missing0 = "deployed_at") || data.stage_history === void 0 && (missing0 = "stage_history") || data.performance_metrics === void 0 && (missing0 = "performance_metrics") || data.tags === void 0 && (missing0 = "tags") || data.notes === void 0 && (missing0 = "notes") || data.parent_model_id === void 0 && (missing0 = "parent_model_id") || data.dataset_version === void 0 && (missing0 = "dataset_version") || data.source === void 0 && (missing0 = "source")) {
        validate20.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func1.call(schema31.properties, key0)) {
            validate20.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.schema_version !== void 0) {
            const _errs2 = errors;
            if (1 !== data.schema_version) {
              validate20.errors = [{ instancePath: instancePath + "/schema_version", schemaPath: "#/properties/schema_version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.model_id !== void 0) {
              let data1 = data.model_id;
              const _errs3 = errors;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern4.test(data1)) {
                    validate20.errors = [{ instancePath: instancePath + "/model_id", schemaPath: "#/$defs/model_id/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{6}(_[0-9]+)?$" }, message: 'must match pattern "^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{6}(_[0-9]+)?$"' }];
                    return false;
                  }
                } else {
                  validate20.errors = [{ instancePath: instancePath + "/model_id", schemaPath: "#/$defs/model_id/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.name !== void 0) {
                let data2 = data.name;
                const _errs6 = errors;
                const _errs7 = errors;
                if (errors === _errs7) {
                  if (typeof data2 === "string") {
                    if (!pattern5.test(data2)) {
                      validate20.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/$defs/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9_.-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9_.-]{0,62}$"' }];
                      return false;
                    }
                  } else {
                    validate20.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/$defs/slug/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.model_type !== void 0) {
                  let data3 = data.model_type;
                  const _errs9 = errors;
                  const _errs10 = errors;
                  if (errors === _errs10) {
                    if (typeof data3 === "string") {
                      if (!pattern5.test(data3)) {
                        validate20.errors = [{ instancePath: instancePath + "/model_type", schemaPath: "#/$defs/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9_.-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9_.-]{0,62}$"' }];
                        return false;
                      }
                    } else {
                      validate20.errors = [{ instancePath: instancePath + "/model_type", schemaPath: "#/$defs/slug/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                      return false;
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.version !== void 0) {
                    let data4 = data.version;
                    const _errs12 = errors;
                    const _errs13 = errors;
                    if (errors === _errs13) {
                      if (typeof data4 === "string") {
                        if (!pattern7.test(data4)) {
                          validate20.errors = [{ instancePath: instancePath + "/version", schemaPath: "#/$defs/semver/pattern", keyword: "pattern", params: { pattern: "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$" }, message: 'must match pattern "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$"' }];
                          return false;
                        }
                      } else {
                        validate20.errors = [{ instancePath: instancePath + "/version", schemaPath: "#/$defs/semver/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                        return false;
                      }
                    }
                    var valid0 = _errs12 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.created_at !== void 0) {
                      let data5 = data.created_at;
                      const _errs15 = errors;
                      if (errors === _errs15) {
                        if (errors === _errs15) {
                          if (typeof data5 === "string") {
                            if (!formats0.validate(data5)) {
                              validate20.errors = [{ instancePath: instancePath + "/created_at", schemaPath: "#/properties/created_at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                              return false;
                            }
                          } else {
                            validate20.errors = [{ instancePath: instancePath + "/created_at", schemaPath: "#/properties/created_at/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                            return false;
                          }
                        }
                      }
                      var valid0 = _errs15 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.registered_at !== void 0) {
                        let data6 = data.registered_at;
                        const _errs17 = errors;
                        if (errors === _errs17) {
                          if (errors === _errs17) {
                            if (typeof data6 === "string") {
                              if (!formats0.validate(data6)) {
                                validate20.errors = [{ instancePath: instancePath + "/registered_at", schemaPath: "#/properties/registered_at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                                return false;
                              }
                            } else {
                              validate20.errors = [{ instancePath: instancePath + "/registered_at", schemaPath: "#/properties/registered_at/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                              return false;
                            }
                          }
                        }
                        var valid0 = _errs17 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.file_path !== void 0) {
                          let data7 = data.file_path;
                          const _errs19 = errors;
                          if (errors === _errs19) {
                            if (typeof data7 === "string") {
                              if (func2(data7) < 1) {
                                validate20.errors = [{ instancePath: instancePath + "/file_path", schemaPath: "#/properties/file_path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                return false;
                              }
                            } else {
                              validate20.errors = [{ instancePath: instancePath + "/file_path", schemaPath: "#/properties/file_path/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                              return false;
                            }
                          }
                          var valid0 = _errs19 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.metadata_path !== void 0) {
                            let data8 = data.metadata_path;
                            const _errs21 = errors;
                            if (errors === _errs21) {
                              if (typeof data8 === "string") {
                                if (!pattern8.test(data8)) {
                                  validate20.errors = [{ instancePath: instancePath + "/metadata_path", schemaPath: "#/properties/metadata_path/pattern", keyword: "pattern", params: { pattern: "^models/[a-z0-9][a-z0-9_.-]{0,62}/(versions/[0-9a-f]/[0-9a-f]/[0-9a-f]/)?[^/]+\\.json$" }, message: 'must match pattern "^models/[a-z0-9][a-z0-9_.-]{0,62}/(versions/[0-9a-f]/[0-9a-f]/[0-9a-f]/)?[^/]+\\.json$"' }];
                                  return false;
                                }
                              } else {
                                validate20.errors = [{ instancePath: instancePath + "/metadata_path", schemaPath: "#/properties/metadata_path/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                return false;
                              }
                            }
                            var valid0 = _errs21 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.checksum !== void 0) {
                              let data9 = data.checksum;
                              const _errs23 = errors;
                              const _errs24 = errors;
                              if (errors === _errs24) {
                                if (typeof data9 === "string") {
                                  if (!pattern9.test(data9)) {
                                    validate20.errors = [{ instancePath: instancePath + "/checksum", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }];
                                    return false;
                                  }
                                } else {
                                  validate20.errors = [{ instancePath: instancePath + "/checksum", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                  return false;
                                }
                              }
                              var valid0 = _errs23 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.artifact !== void 0) {
                                const _errs26 = errors;
                                if (!validate21(data.artifact, { instancePath: instancePath + "/artifact", parentData: data, parentDataProperty: "artifact", rootData, dynamicAnchors })) {
                                  vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
                                  errors = vErrors.length;
                                }
                                var valid0 = _errs26 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data.model_config !== void 0) {
                                  let data11 = data.model_config;
                                  const _errs27 = errors;
                                  if (!(data11 && typeof data11 == "object" && !Array.isArray(data11))) {
                                    validate20.errors = [{ instancePath: instancePath + "/model_config", schemaPath: "#/properties/model_config/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                    return false;
                                  }
                                  var valid0 = _errs27 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.training_metadata !== void 0) {
                                    let data12 = data.training_metadata;
                                    const _errs29 = errors;
                                    if (!(data12 && typeof data12 == "object" && !Array.isArray(data12))) {
                                      validate20.errors = [{ instancePath: instancePath + "/training_metadata", schemaPath: "#/properties/training_metadata/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                      return false;
                                    }
                                    var valid0 = _errs29 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                  if (valid0) {
                                    if (data.deployment_stage !== void 0) {
                                      let data13 = data.deployment_stage;
                                      const _errs31 = errors;
                                      const _errs32 = errors;
                                      if (errors === _errs32) {
                                        if (typeof data13 === "string") {
                                          if (!pattern18.test(data13)) {
                                            validate20.errors = [{ instancePath: instancePath + "/deployment_stage", schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"' }];
                                            return false;
                                          }
                                        } else {
                                          validate20.errors = [{ instancePath: instancePath + "/deployment_stage", schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                          return false;
                                        }
                                      }
                                      var valid0 = _errs31 === errors;
                                    } else {
                                      var valid0 = true;
                                    }
                                    if (valid0) {
                                      if (data.deployed_at !== void 0) {
                                        let data14 = data.deployed_at;
                                        const _errs34 = errors;
                                        if (typeof data14 !== "string" && data14 !== null) {
                                          validate20.errors = [{ instancePath: instancePath + "/deployed_at", schemaPath: "#/properties/deployed_at/type", keyword: "type", params: { type: schema31.properties.deployed_at.type }, message: "must be string,null" }];
                                          return false;
                                        }
                                        if (errors === _errs34) {
                                          if (errors === _errs34) {
                                            if (typeof data14 === "string") {
                                              if (!formats0.validate(data14)) {
                                                validate20.errors = [{ instancePath: instancePath + "/deployed_at", schemaPath: "#/properties/deployed_at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                                                return false;
                                              }
                                            }
                                          }
                                        }
                                        var valid0 = _errs34 === errors;
                                      } else {
                                        var valid0 = true;
                                      }
                                      if (valid0) {
                                        if (data.stage_history !== void 0) {
                                          let data15 = data.stage_history;
                                          const _errs36 = errors;
                                          if (errors === _errs36) {
                                            if (Array.isArray(data15)) {
                                              var valid7 = true;
                                              const len0 = data15.length;
                                              for (let i0 = 0; i0 < len0; i0++) {
                                                const _errs38 = errors;
                                                if (!validate25(data15[i0], { instancePath: instancePath + "/stage_history/" + i0, parentData: data15, parentDataProperty: i0, rootData, dynamicAnchors })) {
                                                  vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
                                                  errors = vErrors.length;
                                                }
                                                var valid7 = _errs38 === errors;
                                                if (!valid7) {
                                                  break;
                                                }
                                              }
                                            } else {
                                              validate20.errors = [{ instancePath: instancePath + "/stage_history", schemaPath: "#/properties/stage_history/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                              return false;
                                            }
                                          }
                                          var valid0 = _errs36 === errors;
                                        } else {
                                          var valid0 = true;
                                        }
                                        if (valid0) {
                                          if (data.performance_metrics !== void 0) {
                                            let data17 = data.performance_metrics;
                                            const _errs39 = errors;
                                            const _errs40 = errors;
                                            if (errors === _errs40) {
                                              if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                                                for (const key1 in data17) {
                                                  const _errs42 = errors;
                                                  if (typeof key1 === "string") {
                                                    if (!pattern20.test(key1)) {
                                                      const err0 = { instancePath: instancePath + "/performance_metrics", schemaPath: "#/$defs/metrics/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"', propertyName: key1 };
                                                      if (vErrors === null) {
                                                        vErrors = [err0];
                                                      } else {
                                                        vErrors.push(err0);
                                                      }
                                                      errors++;
                                                    }
                                                  }
                                                  var valid9 = _errs42 === errors;
                                                  if (!valid9) {
                                                    const err1 = { instancePath: instancePath + "/performance_metrics", schemaPath: "#/$defs/metrics/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
                                                    if (vErrors === null) {
                                                      vErrors = [err1];
                                                    } else {
                                                      vErrors.push(err1);
                                                    }
                                                    errors++;
                                                    validate20.errors = vErrors;
                                                    return false;
                                                    break;
                                                  }
                                                }
                                                if (valid9) {
                                                  for (const key2 in data17) {
                                                    let data18 = data17[key2];
                                                    const _errs44 = errors;
                                                    if (!(typeof data18 == "number" && isFinite(data18))) {
                                                      validate20.errors = [{ instancePath: instancePath + "/performance_metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/metrics/additionalProperties/type", keyword: "type", params: { type: "number" }, message: "must be number" }];
                                                      return false;
                                                    }
                                                    var valid10 = _errs44 === errors;
                                                    if (!valid10) {
                                                      break;
                                                    }
                                                  }
                                                }
                                              } else {
                                                validate20.errors = [{ instancePath: instancePath + "/performance_metrics", schemaPath: "#/$defs/metrics/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                return false;
                                              }
                                            }
                                            var valid0 = _errs39 === errors;
                                          } else {
                                            var valid0 = true;
                                          }
                                          if (valid0) {
                                            if (data.tags !== void 0) {
                                              let data19 = data.tags;
                                              const _errs46 = errors;
                                              if (errors === _errs46) {
                                                if (Array.isArray(data19)) {
                                                  var valid11 = true;
                                                  const len1 = data19.length;
                                                  for (let i1 = 0; i1 < len1; i1++) {
                                                    let data20 = data19[i1];
                                                    const _errs48 = errors;
                                                    const _errs49 = errors;
                                                    if (errors === _errs49) {
                                                      if (typeof data20 === "string") {
                                                        if (!pattern21.test(data20)) {
                                                          validate20.errors = [{ instancePath: instancePath + "/tags/" + i1, schemaPath: "#/$defs/tag/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}$"' }];
                                                          return false;
                                                        }
                                                      } else {
                                                        validate20.errors = [{ instancePath: instancePath + "/tags/" + i1, schemaPath: "#/$defs/tag/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid11 = _errs48 === errors;
                                                    if (!valid11) {
                                                      break;
                                                    }
                                                  }
                                                  if (valid11) {
                                                    let i2 = data19.length;
                                                    let j0;
                                                    if (i2 > 1) {
                                                      outer0: for (; i2--; ) {
                                                        for (j0 = i2; j0--; ) {
                                                          if (func0(data19[i2], data19[j0])) {
                                                            validate20.errors = [{ instancePath: instancePath + "/tags", schemaPath: "#/properties/tags/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)" }];
                                                            return false;
                                                            break outer0;
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                } else {
                                                  validate20.errors = [{ instancePath: instancePath + "/tags", schemaPath: "#/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                  return false;
                                                }
                                              }
                                              var valid0 = _errs46 === errors;
                                            } else {
                                              var valid0 = true;
                                            }
                                            if (valid0) {
                                              if (data.notes !== void 0) {
                                                let data21 = data.notes;
                                                const _errs51 = errors;
                                                if (errors === _errs51) {
                                                  if (typeof data21 === "string") {
                                                    if (func2(data21) > 1e4) {
                                                      validate20.errors = [{ instancePath: instancePath + "/notes", schemaPath: "#/properties/notes/maxLength", keyword: "maxLength", params: { limit: 1e4 }, message: "must NOT have more than 10000 characters" }];
                                                      return false;
                                                    }
                                                  } else {
                                                    validate20.errors = [{ instancePath: instancePath + "/notes", schemaPath: "#/properties/notes/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                    return false;
                                                  }
                                                }
                                                var valid0 = _errs51 === errors;
                                              } else {
                                                var valid0 = true;
                                              }
                                              if (valid0) {
                                                if (data.parent_model_id !== void 0) {
                                                  let data22 = data.parent_model_id;
                                                  const _errs53 = errors;
                                                  const _errs54 = errors;
                                                  let valid14 = false;
                                                  const _errs55 = errors;
                                                  const _errs56 = errors;
                                                  if (errors === _errs56) {
                                                    if (typeof data22 === "string") {
                                                      if (!pattern4.test(data22)) {
                                                        const err2 = { instancePath: instancePath + "/parent_model_id", schemaPath: "#/$defs/model_id/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{6}(_[0-9]+)?$" }, message: 'must match pattern "^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{6}(_[0-9]+)?$"' };
                                                        if (vErrors === null) {
                                                          vErrors = [err2];
                                                        } else {
                                                          vErrors.push(err2);
                                                        }
                                                        errors++;
                                                      }
                                                    } else {
                                                      const err3 = { instancePath: instancePath + "/parent_model_id", schemaPath: "#/$defs/model_id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                      if (vErrors === null) {
                                                        vErrors = [err3];
                                                      } else {
                                                        vErrors.push(err3);
                                                      }
                                                      errors++;
                                                    }
                                                  }
                                                  var _valid0 = _errs55 === errors;
                                                  valid14 = valid14 || _valid0;
                                                  const _errs58 = errors;
                                                  if (data22 !== null) {
                                                    const err4 = { instancePath: instancePath + "/parent_model_id", schemaPath: "#/properties/parent_model_id/anyOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                                                    if (vErrors === null) {
                                                      vErrors = [err4];
                                                    } else {
                                                      vErrors.push(err4);
                                                    }
                                                    errors++;
                                                  }
                                                  var _valid0 = _errs58 === errors;
                                                  valid14 = valid14 || _valid0;
                                                  if (!valid14) {
                                                    const err5 = { instancePath: instancePath + "/parent_model_id", schemaPath: "#/properties/parent_model_id/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                                                    if (vErrors === null) {
                                                      vErrors = [err5];
                                                    } else {
                                                      vErrors.push(err5);
                                                    }
                                                    errors++;
                                                    validate20.errors = vErrors;
                                                    return false;
                                                  } else {
                                                    errors = _errs54;
                                                    if (vErrors !== null) {
                                                      if (_errs54) {
                                                        vErrors.length = _errs54;
                                                      } else {
                                                        vErrors = null;
                                                      }
                                                    }
                                                  }
                                                  var valid0 = _errs53 === errors;
                                                } else {
                                                  var valid0 = true;
                                                }
                                                if (valid0) {
                                                  if (data.dataset_version !== void 0) {
                                                    let data23 = data.dataset_version;
                                                    const _errs60 = errors;
                                                    if (typeof data23 !== "string" && data23 !== null) {
                                                      validate20.errors = [{ instancePath: instancePath + "/dataset_version", schemaPath: "#/properties/dataset_version/type", keyword: "type", params: { type: schema31.properties.dataset_version.type }, message: "must be string,null" }];
                                                      return false;
                                                    }
                                                    if (errors === _errs60) {
                                                      if (typeof data23 === "string") {
                                                        if (func2(data23) > 200) {
                                                          validate20.errors = [{ instancePath: instancePath + "/dataset_version", schemaPath: "#/properties/dataset_version/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters" }];
                                                          return false;
                                                        }
                                                      }
                                                    }
                                                    var valid0 = _errs60 === errors;
                                                  } else {
                                                    var valid0 = true;
                                                  }
                                                  if (valid0) {
                                                    if (data.source !== void 0) {
                                                      let data24 = data.source;
                                                      const _errs62 = errors;
                                                      const _errs63 = errors;
                                                      if (errors === _errs63) {
                                                        if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
                                                          const _errs65 = errors;
                                                          for (const key3 in data24) {
                                                            if (!(key3 === "repository" || key3 === "commit" || key3 === "workflow_run" || key3 === "actor" || key3 === "dirty")) {
                                                              validate20.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/$defs/source/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" }];
                                                              return false;
                                                              break;
                                                            }
                                                          }
                                                          if (_errs65 === errors) {
                                                            if (data24.repository !== void 0) {
                                                              const _errs66 = errors;
                                                              if (typeof data24.repository !== "string") {
                                                                validate20.errors = [{ instancePath: instancePath + "/source/repository", schemaPath: "#/$defs/source/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                return false;
                                                              }
                                                              var valid17 = _errs66 === errors;
                                                            } else {
                                                              var valid17 = true;
                                                            }
                                                            if (valid17) {
                                                              if (data24.commit !== void 0) {
                                                                const _errs68 = errors;
                                                                if (typeof data24.commit !== "string") {
                                                                  validate20.errors = [{ instancePath: instancePath + "/source/commit", schemaPath: "#/$defs/source/properties/commit/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                  return false;
                                                                }
                                                                var valid17 = _errs68 === errors;
                                                              } else {
                                                                var valid17 = true;
                                                              }
                                                              if (valid17) {
                                                                if (data24.workflow_run !== void 0) {
                                                                  const _errs70 = errors;
                                                                  if (typeof data24.workflow_run !== "string") {
                                                                    validate20.errors = [{ instancePath: instancePath + "/source/workflow_run", schemaPath: "#/$defs/source/properties/workflow_run/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                    return false;
                                                                  }
                                                                  var valid17 = _errs70 === errors;
                                                                } else {
                                                                  var valid17 = true;
                                                                }
                                                                if (valid17) {
                                                                  if (data24.actor !== void 0) {
                                                                    const _errs72 = errors;
                                                                    if (typeof data24.actor !== "string") {
                                                                      validate20.errors = [{ instancePath: instancePath + "/source/actor", schemaPath: "#/$defs/source/properties/actor/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                      return false;
                                                                    }
                                                                    var valid17 = _errs72 === errors;
                                                                  } else {
                                                                    var valid17 = true;
                                                                  }
                                                                  if (valid17) {
                                                                    if (data24.dirty !== void 0) {
                                                                      const _errs74 = errors;
                                                                      if (typeof data24.dirty !== "boolean") {
                                                                        validate20.errors = [{ instancePath: instancePath + "/source/dirty", schemaPath: "#/$defs/source/properties/dirty/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                                                                        return false;
                                                                      }
                                                                      var valid17 = _errs74 === errors;
                                                                    } else {
                                                                      var valid17 = true;
                                                                    }
                                                                  }
                                                                }
                                                              }
                                                            }
                                                          }
                                                        } else {
                                                          validate20.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/$defs/source/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                          return false;
                                                        }
                                                      }
                                                      var valid0 = _errs62 === errors;
                                                    } else {
                                                      var valid0 = true;
                                                    }
                                                    if (valid0) {
                                                      if (data.archived_at !== void 0) {
                                                        let data30 = data.archived_at;
                                                        const _errs76 = errors;
                                                        if (errors === _errs76) {
                                                          if (errors === _errs76) {
                                                            if (typeof data30 === "string") {
                                                              if (!formats0.validate(data30)) {
                                                                validate20.errors = [{ instancePath: instancePath + "/archived_at", schemaPath: "#/properties/archived_at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                                                                return false;
                                                              }
                                                            } else {
                                                              validate20.errors = [{ instancePath: instancePath + "/archived_at", schemaPath: "#/properties/archived_at/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                              return false;
                                                            }
                                                          }
                                                        }
                                                        var valid0 = _errs76 === errors;
                                                      } else {
                                                        var valid0 = true;
                                                      }
                                                      if (valid0) {
                                                        if (data.reason !== void 0) {
                                                          let data31 = data.reason;
                                                          const _errs78 = errors;
                                                          if (errors === _errs78) {
                                                            if (typeof data31 === "string") {
                                                              if (func2(data31) > 1e3) {
                                                                validate20.errors = [{ instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" }];
                                                                return false;
                                                              }
                                                            } else {
                                                              validate20.errors = [{ instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                              return false;
                                                            }
                                                          }
                                                          var valid0 = _errs78 === errors;
                                                        } else {
                                                          var valid0 = true;
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate20.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var modelIndex = validate27;
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate27.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.schema_version === void 0 && (missing0 = "schema_version") || data.name === void 0 && (missing0 = "name") || data.versions === void 0 && (missing0 = "versions") || data.stages === void 0 && (missing0 = "stages")) {
        validate27.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "schema_version" || key0 === "name" || key0 === "versions" || key0 === "stages")) {
            validate27.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.schema_version !== void 0) {
            const _errs2 = errors;
            if (1 !== data.schema_version) {
              validate27.errors = [{ instancePath: instancePath + "/schema_version", schemaPath: "#/properties/schema_version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.name !== void 0) {
              let data1 = data.name;
              const _errs3 = errors;
              if (errors === _errs3) {
                if (typeof data1 === "string") {
                  if (!pattern5.test(data1)) {
                    validate27.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9_.-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9_.-]{0,62}$"' }];
                    return false;
                  }
                } else {
                  validate27.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.versions !== void 0) {
                let data2 = data.versions;
                const _errs5 = errors;
                if (errors === _errs5) {
                  if (Array.isArray(data2)) {
                    var valid1 = true;
                    const len0 = data2.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                      const _errs7 = errors;
                      if (!validate20(data2[i0], { instancePath: instancePath + "/versions/" + i0, parentData: data2, parentDataProperty: i0, rootData, dynamicAnchors })) {
                        vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
                        errors = vErrors.length;
                      }
                      var valid1 = _errs7 === errors;
                      if (!valid1) {
                        break;
                      }
                    }
                  } else {
                    validate27.errors = [{ instancePath: instancePath + "/versions", schemaPath: "#/properties/versions/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                    return false;
                  }
                }
                var valid0 = _errs5 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.stages !== void 0) {
                  let data4 = data.stages;
                  const _errs8 = errors;
                  if (errors === _errs8) {
                    if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                      for (const key1 in data4) {
                        let data5 = data4[key1];
                        const _errs11 = errors;
                        if (errors === _errs11) {
                          if (Array.isArray(data5)) {
                            var valid3 = true;
                            const len1 = data5.length;
                            for (let i1 = 0; i1 < len1; i1++) {
                              const _errs13 = errors;
                              if (typeof data5[i1] !== "string") {
                                validate27.errors = [{ instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i1, schemaPath: "#/properties/stages/additionalProperties/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                return false;
                              }
                              var valid3 = _errs13 === errors;
                              if (!valid3) {
                                break;
                              }
                            }
                          } else {
                            validate27.errors = [{ instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                            return false;
                          }
                        }
                        var valid2 = _errs11 === errors;
                        if (!valid2) {
                          break;
                        }
                      }
                    } else {
                      validate27.errors = [{ instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                      return false;
                    }
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate27.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate27.errors = vErrors;
  return errors === 0;
}
validate27.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var registry = validate29;
var schema52 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://git-model-registry.dev/schemas/registry.schema.json", "title": "RegistryPolicy", "description": "registry.json at the root of the registry branch: stages, transitions, gates, retention and artifact settings.", "type": "object", "additionalProperties": false, "required": ["schema_version", "stages", "initial_stage", "transitions", "exclusive_stages", "demote_to", "gates", "require_metadata", "retention", "artifacts"], "properties": { "schema_version": { "const": 1 }, "stages": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/stage" } }, "initial_stage": { "$ref": "#/$defs/stage" }, "transitions": { "type": "object", "propertyNames": { "$ref": "#/$defs/stage" }, "additionalProperties": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/stage" } } }, "exclusive_stages": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/stage" } }, "demote_to": { "$ref": "#/$defs/stage" }, "gates": { "type": "object", "propertyNames": { "$ref": "#/$defs/stage" }, "additionalProperties": { "$ref": "#/$defs/gate" } }, "require_metadata": { "description": "Fields that must be present and non-empty at registration: top-level ModelVersion fields (notes, dataset_version, tags\u2026) or metrics as performance_metrics.<name>.", "type": "array", "uniqueItems": true, "items": { "type": "string", "minLength": 1 } }, "retention": { "type": "object", "additionalProperties": false, "required": ["keep_last", "min_age_days", "protect_stages", "mode"], "properties": { "keep_last": { "type": "integer", "minimum": 1 }, "min_age_days": { "type": "number", "minimum": 0 }, "protect_stages": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/stage" } }, "mode": { "enum": ["archive", "remove"] }, "auto_cleanup": { "type": "boolean" }, "cleanup_interval_hours": { "type": "number", "exclusiveMinimum": 0 }, "orphan_grace_hours": { "type": "number", "minimum": 0 } } }, "metrics": { "description": "Per-metric settings, by metric name. lower_is_better: smaller values are better (latency, loss, error rates); compare, must_beat and list --sort metric:NAME follow it. Metrics not listed are higher-is-better.", "type": "object", "propertyNames": { "pattern": "^[A-Za-z][A-Za-z0-9_.-]{0,63}$" }, "additionalProperties": { "type": "object", "additionalProperties": false, "properties": { "lower_is_better": { "type": "boolean" } } } }, "artifacts": { "type": "object", "additionalProperties": false, "required": ["store"], "properties": { "store": { "enum": ["local", "github-release"] }, "max_part_bytes": { "type": "integer", "minimum": 1, "maximum": 2147483647 }, "compression": { "enum": ["none", "gzip"] } } } }, "$defs": { "stage": { "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,31}$" }, "gate": { "type": "object", "additionalProperties": false, "properties": { "min_metrics": { "type": "object", "additionalProperties": { "type": "number" } }, "must_beat": { "description": "A metric the candidate must beat the current holder of the stage on (higher is better unless lower_is_better, here or in $.metrics).", "anyOf": [{ "type": "null" }, { "type": "string", "minLength": 1 }, { "type": "object", "additionalProperties": false, "required": ["metric"], "properties": { "metric": { "type": "string", "minLength": 1 }, "lower_is_better": { "type": "boolean" }, "min_delta": { "type": "number", "minimum": 0 } } }] }, "min_approvals": { "type": "integer", "minimum": 0 }, "require_pull_request": { "type": "boolean" } } } } };
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate29.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.schema_version === void 0 && (missing0 = "schema_version") || data.stages === void 0 && (missing0 = "stages") || data.initial_stage === void 0 && (missing0 = "initial_stage") || data.transitions === void 0 && (missing0 = "transitions") || data.exclusive_stages === void 0 && (missing0 = "exclusive_stages") || data.demote_to === void 0 && (missing0 = "demote_to") || data.gates === void 0 && (missing0 = "gates") || data.require_metadata === void 0 && (missing0 = "require_metadata") || data.retention === void 0 && (missing0 = "retention") || data.artifacts === void 0 && (missing0 = "artifacts")) {
        validate29.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func1.call(schema52.properties, key0)) {
            validate29.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.schema_version !== void 0) {
            const _errs2 = errors;
            if (1 !== data.schema_version) {
              validate29.errors = [{ instancePath: instancePath + "/schema_version", schemaPath: "#/properties/schema_version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.stages !== void 0) {
              let data1 = data.stages;
              const _errs3 = errors;
              if (errors === _errs3) {
                if (Array.isArray(data1)) {
                  if (data1.length < 1) {
                    validate29.errors = [{ instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" }];
                    return false;
                  } else {
                    var valid1 = true;
                    const len0 = data1.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                      let data2 = data1[i0];
                      const _errs5 = errors;
                      const _errs6 = errors;
                      if (errors === _errs6) {
                        if (typeof data2 === "string") {
                          if (!pattern18.test(data2)) {
                            validate29.errors = [{ instancePath: instancePath + "/stages/" + i0, schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"' }];
                            return false;
                          }
                        } else {
                          validate29.errors = [{ instancePath: instancePath + "/stages/" + i0, schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                          return false;
                        }
                      }
                      var valid1 = _errs5 === errors;
                      if (!valid1) {
                        break;
                      }
                    }
                    if (valid1) {
                      let i1 = data1.length;
                      let j0;
                      if (i1 > 1) {
                        outer0: for (; i1--; ) {
                          for (j0 = i1; j0--; ) {
                            if (func0(data1[i1], data1[j0])) {
                              validate29.errors = [{ instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" }];
                              return false;
                              break outer0;
                            }
                          }
                        }
                      }
                    }
                  }
                } else {
                  validate29.errors = [{ instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                  return false;
                }
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.initial_stage !== void 0) {
                let data3 = data.initial_stage;
                const _errs8 = errors;
                const _errs9 = errors;
                if (errors === _errs9) {
                  if (typeof data3 === "string") {
                    if (!pattern18.test(data3)) {
                      validate29.errors = [{ instancePath: instancePath + "/initial_stage", schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"' }];
                      return false;
                    }
                  } else {
                    validate29.errors = [{ instancePath: instancePath + "/initial_stage", schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                    return false;
                  }
                }
                var valid0 = _errs8 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.transitions !== void 0) {
                  let data4 = data.transitions;
                  const _errs11 = errors;
                  if (errors === _errs11) {
                    if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                      for (const key1 in data4) {
                        const _errs13 = errors;
                        const _errs14 = errors;
                        if (errors === _errs14) {
                          if (typeof key1 === "string") {
                            if (!pattern18.test(key1)) {
                              const err0 = { instancePath: instancePath + "/transitions", schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"', propertyName: key1 };
                              if (vErrors === null) {
                                vErrors = [err0];
                              } else {
                                vErrors.push(err0);
                              }
                              errors++;
                            }
                          } else {
                            const err1 = { instancePath: instancePath + "/transitions", schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key1 };
                            if (vErrors === null) {
                              vErrors = [err1];
                            } else {
                              vErrors.push(err1);
                            }
                            errors++;
                          }
                        }
                        var valid5 = _errs13 === errors;
                        if (!valid5) {
                          const err2 = { instancePath: instancePath + "/transitions", schemaPath: "#/properties/transitions/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
                          if (vErrors === null) {
                            vErrors = [err2];
                          } else {
                            vErrors.push(err2);
                          }
                          errors++;
                          validate29.errors = vErrors;
                          return false;
                          break;
                        }
                      }
                      if (valid5) {
                        for (const key2 in data4) {
                          let data5 = data4[key2];
                          const _errs17 = errors;
                          if (errors === _errs17) {
                            if (Array.isArray(data5)) {
                              var valid8 = true;
                              const len1 = data5.length;
                              for (let i2 = 0; i2 < len1; i2++) {
                                let data6 = data5[i2];
                                const _errs19 = errors;
                                const _errs20 = errors;
                                if (errors === _errs20) {
                                  if (typeof data6 === "string") {
                                    if (!pattern18.test(data6)) {
                                      validate29.errors = [{ instancePath: instancePath + "/transitions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i2, schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"' }];
                                      return false;
                                    }
                                  } else {
                                    validate29.errors = [{ instancePath: instancePath + "/transitions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i2, schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                    return false;
                                  }
                                }
                                var valid8 = _errs19 === errors;
                                if (!valid8) {
                                  break;
                                }
                              }
                              if (valid8) {
                                let i3 = data5.length;
                                let j1;
                                if (i3 > 1) {
                                  outer1: for (; i3--; ) {
                                    for (j1 = i3; j1--; ) {
                                      if (func0(data5[i3], data5[j1])) {
                                        validate29.errors = [{ instancePath: instancePath + "/transitions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/transitions/additionalProperties/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i3 + " are identical)" }];
                                        return false;
                                        break outer1;
                                      }
                                    }
                                  }
                                }
                              }
                            } else {
                              validate29.errors = [{ instancePath: instancePath + "/transitions/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/transitions/additionalProperties/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                              return false;
                            }
                          }
                          var valid7 = _errs17 === errors;
                          if (!valid7) {
                            break;
                          }
                        }
                      }
                    } else {
                      validate29.errors = [{ instancePath: instancePath + "/transitions", schemaPath: "#/properties/transitions/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                      return false;
                    }
                  }
                  var valid0 = _errs11 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.exclusive_stages !== void 0) {
                    let data7 = data.exclusive_stages;
                    const _errs22 = errors;
                    if (errors === _errs22) {
                      if (Array.isArray(data7)) {
                        var valid11 = true;
                        const len2 = data7.length;
                        for (let i4 = 0; i4 < len2; i4++) {
                          let data8 = data7[i4];
                          const _errs24 = errors;
                          const _errs25 = errors;
                          if (errors === _errs25) {
                            if (typeof data8 === "string") {
                              if (!pattern18.test(data8)) {
                                validate29.errors = [{ instancePath: instancePath + "/exclusive_stages/" + i4, schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"' }];
                                return false;
                              }
                            } else {
                              validate29.errors = [{ instancePath: instancePath + "/exclusive_stages/" + i4, schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                              return false;
                            }
                          }
                          var valid11 = _errs24 === errors;
                          if (!valid11) {
                            break;
                          }
                        }
                        if (valid11) {
                          let i5 = data7.length;
                          let j2;
                          if (i5 > 1) {
                            outer2: for (; i5--; ) {
                              for (j2 = i5; j2--; ) {
                                if (func0(data7[i5], data7[j2])) {
                                  validate29.errors = [{ instancePath: instancePath + "/exclusive_stages", schemaPath: "#/properties/exclusive_stages/uniqueItems", keyword: "uniqueItems", params: { i: i5, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i5 + " are identical)" }];
                                  return false;
                                  break outer2;
                                }
                              }
                            }
                          }
                        }
                      } else {
                        validate29.errors = [{ instancePath: instancePath + "/exclusive_stages", schemaPath: "#/properties/exclusive_stages/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                        return false;
                      }
                    }
                    var valid0 = _errs22 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.demote_to !== void 0) {
                      let data9 = data.demote_to;
                      const _errs27 = errors;
                      const _errs28 = errors;
                      if (errors === _errs28) {
                        if (typeof data9 === "string") {
                          if (!pattern18.test(data9)) {
                            validate29.errors = [{ instancePath: instancePath + "/demote_to", schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"' }];
                            return false;
                          }
                        } else {
                          validate29.errors = [{ instancePath: instancePath + "/demote_to", schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                          return false;
                        }
                      }
                      var valid0 = _errs27 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.gates !== void 0) {
                        let data10 = data.gates;
                        const _errs30 = errors;
                        if (errors === _errs30) {
                          if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                            for (const key3 in data10) {
                              const _errs32 = errors;
                              const _errs33 = errors;
                              if (errors === _errs33) {
                                if (typeof key3 === "string") {
                                  if (!pattern18.test(key3)) {
                                    const err3 = { instancePath: instancePath + "/gates", schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"', propertyName: key3 };
                                    if (vErrors === null) {
                                      vErrors = [err3];
                                    } else {
                                      vErrors.push(err3);
                                    }
                                    errors++;
                                  }
                                } else {
                                  const err4 = { instancePath: instancePath + "/gates", schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key3 };
                                  if (vErrors === null) {
                                    vErrors = [err4];
                                  } else {
                                    vErrors.push(err4);
                                  }
                                  errors++;
                                }
                              }
                              var valid15 = _errs32 === errors;
                              if (!valid15) {
                                const err5 = { instancePath: instancePath + "/gates", schemaPath: "#/properties/gates/propertyNames", keyword: "propertyNames", params: { propertyName: key3 }, message: "property name must be valid" };
                                if (vErrors === null) {
                                  vErrors = [err5];
                                } else {
                                  vErrors.push(err5);
                                }
                                errors++;
                                validate29.errors = vErrors;
                                return false;
                                break;
                              }
                            }
                            if (valid15) {
                              for (const key4 in data10) {
                                let data11 = data10[key4];
                                const _errs36 = errors;
                                const _errs37 = errors;
                                if (errors === _errs37) {
                                  if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                                    const _errs39 = errors;
                                    for (const key5 in data11) {
                                      if (!(key5 === "min_metrics" || key5 === "must_beat" || key5 === "min_approvals" || key5 === "require_pull_request")) {
                                        validate29.errors = [{ instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/gate/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" }];
                                        return false;
                                        break;
                                      }
                                    }
                                    if (_errs39 === errors) {
                                      if (data11.min_metrics !== void 0) {
                                        let data12 = data11.min_metrics;
                                        const _errs40 = errors;
                                        if (errors === _errs40) {
                                          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                                            for (const key6 in data12) {
                                              let data13 = data12[key6];
                                              const _errs43 = errors;
                                              if (!(typeof data13 == "number" && isFinite(data13))) {
                                                validate29.errors = [{ instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/min_metrics/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/gate/properties/min_metrics/additionalProperties/type", keyword: "type", params: { type: "number" }, message: "must be number" }];
                                                return false;
                                              }
                                              var valid20 = _errs43 === errors;
                                              if (!valid20) {
                                                break;
                                              }
                                            }
                                          } else {
                                            validate29.errors = [{ instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/min_metrics", schemaPath: "#/$defs/gate/properties/min_metrics/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                            return false;
                                          }
                                        }
                                        var valid19 = _errs40 === errors;
                                      } else {
                                        var valid19 = true;
                                      }
                                      if (valid19) {
                                        if (data11.must_beat !== void 0) {
                                          let data14 = data11.must_beat;
                                          const _errs45 = errors;
                                          const _errs46 = errors;
                                          let valid21 = false;
                                          const _errs47 = errors;
                                          if (data14 !== null) {
                                            const err6 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                                            if (vErrors === null) {
                                              vErrors = [err6];
                                            } else {
                                              vErrors.push(err6);
                                            }
                                            errors++;
                                          }
                                          var _valid0 = _errs47 === errors;
                                          valid21 = valid21 || _valid0;
                                          const _errs49 = errors;
                                          if (errors === _errs49) {
                                            if (typeof data14 === "string") {
                                              if (func2(data14) < 1) {
                                                const err7 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/1/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                                if (vErrors === null) {
                                                  vErrors = [err7];
                                                } else {
                                                  vErrors.push(err7);
                                                }
                                                errors++;
                                              }
                                            } else {
                                              const err8 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                              if (vErrors === null) {
                                                vErrors = [err8];
                                              } else {
                                                vErrors.push(err8);
                                              }
                                              errors++;
                                            }
                                          }
                                          var _valid0 = _errs49 === errors;
                                          valid21 = valid21 || _valid0;
                                          const _errs51 = errors;
                                          if (errors === _errs51) {
                                            if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                                              let missing1;
                                              if (data14.metric === void 0 && (missing1 = "metric")) {
                                                const err9 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/2/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" };
                                                if (vErrors === null) {
                                                  vErrors = [err9];
                                                } else {
                                                  vErrors.push(err9);
                                                }
                                                errors++;
                                              } else {
                                                const _errs53 = errors;
                                                for (const key7 in data14) {
                                                  if (!(key7 === "metric" || key7 === "lower_is_better" || key7 === "min_delta")) {
                                                    const err10 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/2/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                                                    if (vErrors === null) {
                                                      vErrors = [err10];
                                                    } else {
                                                      vErrors.push(err10);
                                                    }
                                                    errors++;
                                                    break;
                                                  }
                                                }
                                                if (_errs53 === errors) {
                                                  if (data14.metric !== void 0) {
                                                    let data15 = data14.metric;
                                                    const _errs54 = errors;
                                                    if (errors === _errs54) {
                                                      if (typeof data15 === "string") {
                                                        if (func2(data15) < 1) {
                                                          const err11 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat/metric", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/2/properties/metric/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                                          if (vErrors === null) {
                                                            vErrors = [err11];
                                                          } else {
                                                            vErrors.push(err11);
                                                          }
                                                          errors++;
                                                        }
                                                      } else {
                                                        const err12 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat/metric", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/2/properties/metric/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                          vErrors = [err12];
                                                        } else {
                                                          vErrors.push(err12);
                                                        }
                                                        errors++;
                                                      }
                                                    }
                                                    var valid22 = _errs54 === errors;
                                                  } else {
                                                    var valid22 = true;
                                                  }
                                                  if (valid22) {
                                                    if (data14.lower_is_better !== void 0) {
                                                      const _errs56 = errors;
                                                      if (typeof data14.lower_is_better !== "boolean") {
                                                        const err13 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat/lower_is_better", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/2/properties/lower_is_better/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                                        if (vErrors === null) {
                                                          vErrors = [err13];
                                                        } else {
                                                          vErrors.push(err13);
                                                        }
                                                        errors++;
                                                      }
                                                      var valid22 = _errs56 === errors;
                                                    } else {
                                                      var valid22 = true;
                                                    }
                                                    if (valid22) {
                                                      if (data14.min_delta !== void 0) {
                                                        let data17 = data14.min_delta;
                                                        const _errs58 = errors;
                                                        if (errors === _errs58) {
                                                          if (typeof data17 == "number" && isFinite(data17)) {
                                                            if (data17 < 0 || isNaN(data17)) {
                                                              const err14 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat/min_delta", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/2/properties/min_delta/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                              if (vErrors === null) {
                                                                vErrors = [err14];
                                                              } else {
                                                                vErrors.push(err14);
                                                              }
                                                              errors++;
                                                            }
                                                          } else {
                                                            const err15 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat/min_delta", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/2/properties/min_delta/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                                            if (vErrors === null) {
                                                              vErrors = [err15];
                                                            } else {
                                                              vErrors.push(err15);
                                                            }
                                                            errors++;
                                                          }
                                                        }
                                                        var valid22 = _errs58 === errors;
                                                      } else {
                                                        var valid22 = true;
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            } else {
                                              const err16 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat", schemaPath: "#/$defs/gate/properties/must_beat/anyOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                              if (vErrors === null) {
                                                vErrors = [err16];
                                              } else {
                                                vErrors.push(err16);
                                              }
                                              errors++;
                                            }
                                          }
                                          var _valid0 = _errs51 === errors;
                                          valid21 = valid21 || _valid0;
                                          if (!valid21) {
                                            const err17 = { instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/must_beat", schemaPath: "#/$defs/gate/properties/must_beat/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                                            if (vErrors === null) {
                                              vErrors = [err17];
                                            } else {
                                              vErrors.push(err17);
                                            }
                                            errors++;
                                            validate29.errors = vErrors;
                                            return false;
                                          } else {
                                            errors = _errs46;
                                            if (vErrors !== null) {
                                              if (_errs46) {
                                                vErrors.length = _errs46;
                                              } else {
                                                vErrors = null;
                                              }
                                            }
                                          }
                                          var valid19 = _errs45 === errors;
                                        } else {
                                          var valid19 = true;
                                        }
                                        if (valid19) {
                                          if (data11.min_approvals !== void 0) {
                                            let data18 = data11.min_approvals;
                                            const _errs60 = errors;
                                            if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
                                              validate29.errors = [{ instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/min_approvals", schemaPath: "#/$defs/gate/properties/min_approvals/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                              return false;
                                            }
                                            if (errors === _errs60) {
                                              if (typeof data18 == "number" && isFinite(data18)) {
                                                if (data18 < 0 || isNaN(data18)) {
                                                  validate29.errors = [{ instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/min_approvals", schemaPath: "#/$defs/gate/properties/min_approvals/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                  return false;
                                                }
                                              }
                                            }
                                            var valid19 = _errs60 === errors;
                                          } else {
                                            var valid19 = true;
                                          }
                                          if (valid19) {
                                            if (data11.require_pull_request !== void 0) {
                                              const _errs62 = errors;
                                              if (typeof data11.require_pull_request !== "boolean") {
                                                validate29.errors = [{ instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/require_pull_request", schemaPath: "#/$defs/gate/properties/require_pull_request/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                                                return false;
                                              }
                                              var valid19 = _errs62 === errors;
                                            } else {
                                              var valid19 = true;
                                            }
                                          }
                                        }
                                      }
                                    }
                                  } else {
                                    validate29.errors = [{ instancePath: instancePath + "/gates/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/$defs/gate/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                    return false;
                                  }
                                }
                                var valid17 = _errs36 === errors;
                                if (!valid17) {
                                  break;
                                }
                              }
                            }
                          } else {
                            validate29.errors = [{ instancePath: instancePath + "/gates", schemaPath: "#/properties/gates/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                            return false;
                          }
                        }
                        var valid0 = _errs30 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.require_metadata !== void 0) {
                          let data20 = data.require_metadata;
                          const _errs64 = errors;
                          if (errors === _errs64) {
                            if (Array.isArray(data20)) {
                              var valid23 = true;
                              const len3 = data20.length;
                              for (let i6 = 0; i6 < len3; i6++) {
                                let data21 = data20[i6];
                                const _errs66 = errors;
                                if (errors === _errs66) {
                                  if (typeof data21 === "string") {
                                    if (func2(data21) < 1) {
                                      validate29.errors = [{ instancePath: instancePath + "/require_metadata/" + i6, schemaPath: "#/properties/require_metadata/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                      return false;
                                    }
                                  } else {
                                    validate29.errors = [{ instancePath: instancePath + "/require_metadata/" + i6, schemaPath: "#/properties/require_metadata/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                    return false;
                                  }
                                }
                                var valid23 = _errs66 === errors;
                                if (!valid23) {
                                  break;
                                }
                              }
                              if (valid23) {
                                let i7 = data20.length;
                                let j3;
                                if (i7 > 1) {
                                  const indices0 = {};
                                  for (; i7--; ) {
                                    let item0 = data20[i7];
                                    if (typeof item0 !== "string") {
                                      continue;
                                    }
                                    if (typeof indices0[item0] == "number") {
                                      j3 = indices0[item0];
                                      validate29.errors = [{ instancePath: instancePath + "/require_metadata", schemaPath: "#/properties/require_metadata/uniqueItems", keyword: "uniqueItems", params: { i: i7, j: j3 }, message: "must NOT have duplicate items (items ## " + j3 + " and " + i7 + " are identical)" }];
                                      return false;
                                      break;
                                    }
                                    indices0[item0] = i7;
                                  }
                                }
                              }
                            } else {
                              validate29.errors = [{ instancePath: instancePath + "/require_metadata", schemaPath: "#/properties/require_metadata/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                              return false;
                            }
                          }
                          var valid0 = _errs64 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.retention !== void 0) {
                            let data22 = data.retention;
                            const _errs68 = errors;
                            if (errors === _errs68) {
                              if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                                let missing2;
                                if (data22.keep_last === void 0 && (missing2 = "keep_last") || data22.min_age_days === void 0 && (missing2 = "min_age_days") || data22.protect_stages === void 0 && (missing2 = "protect_stages") || data22.mode === void 0 && (missing2 = "mode")) {
                                  validate29.errors = [{ instancePath: instancePath + "/retention", schemaPath: "#/properties/retention/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'" }];
                                  return false;
                                } else {
                                  const _errs70 = errors;
                                  for (const key8 in data22) {
                                    if (!(key8 === "keep_last" || key8 === "min_age_days" || key8 === "protect_stages" || key8 === "mode" || key8 === "auto_cleanup" || key8 === "cleanup_interval_hours" || key8 === "orphan_grace_hours")) {
                                      validate29.errors = [{ instancePath: instancePath + "/retention", schemaPath: "#/properties/retention/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" }];
                                      return false;
                                      break;
                                    }
                                  }
                                  if (_errs70 === errors) {
                                    if (data22.keep_last !== void 0) {
                                      let data23 = data22.keep_last;
                                      const _errs71 = errors;
                                      if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
                                        validate29.errors = [{ instancePath: instancePath + "/retention/keep_last", schemaPath: "#/properties/retention/properties/keep_last/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                        return false;
                                      }
                                      if (errors === _errs71) {
                                        if (typeof data23 == "number" && isFinite(data23)) {
                                          if (data23 < 1 || isNaN(data23)) {
                                            validate29.errors = [{ instancePath: instancePath + "/retention/keep_last", schemaPath: "#/properties/retention/properties/keep_last/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                            return false;
                                          }
                                        }
                                      }
                                      var valid25 = _errs71 === errors;
                                    } else {
                                      var valid25 = true;
                                    }
                                    if (valid25) {
                                      if (data22.min_age_days !== void 0) {
                                        let data24 = data22.min_age_days;
                                        const _errs73 = errors;
                                        if (errors === _errs73) {
                                          if (typeof data24 == "number" && isFinite(data24)) {
                                            if (data24 < 0 || isNaN(data24)) {
                                              validate29.errors = [{ instancePath: instancePath + "/retention/min_age_days", schemaPath: "#/properties/retention/properties/min_age_days/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                              return false;
                                            }
                                          } else {
                                            validate29.errors = [{ instancePath: instancePath + "/retention/min_age_days", schemaPath: "#/properties/retention/properties/min_age_days/type", keyword: "type", params: { type: "number" }, message: "must be number" }];
                                            return false;
                                          }
                                        }
                                        var valid25 = _errs73 === errors;
                                      } else {
                                        var valid25 = true;
                                      }
                                      if (valid25) {
                                        if (data22.protect_stages !== void 0) {
                                          let data25 = data22.protect_stages;
                                          const _errs75 = errors;
                                          if (errors === _errs75) {
                                            if (Array.isArray(data25)) {
                                              var valid26 = true;
                                              const len4 = data25.length;
                                              for (let i8 = 0; i8 < len4; i8++) {
                                                let data26 = data25[i8];
                                                const _errs77 = errors;
                                                const _errs78 = errors;
                                                if (errors === _errs78) {
                                                  if (typeof data26 === "string") {
                                                    if (!pattern18.test(data26)) {
                                                      validate29.errors = [{ instancePath: instancePath + "/retention/protect_stages/" + i8, schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"' }];
                                                      return false;
                                                    }
                                                  } else {
                                                    validate29.errors = [{ instancePath: instancePath + "/retention/protect_stages/" + i8, schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                    return false;
                                                  }
                                                }
                                                var valid26 = _errs77 === errors;
                                                if (!valid26) {
                                                  break;
                                                }
                                              }
                                              if (valid26) {
                                                let i9 = data25.length;
                                                let j4;
                                                if (i9 > 1) {
                                                  outer3: for (; i9--; ) {
                                                    for (j4 = i9; j4--; ) {
                                                      if (func0(data25[i9], data25[j4])) {
                                                        validate29.errors = [{ instancePath: instancePath + "/retention/protect_stages", schemaPath: "#/properties/retention/properties/protect_stages/uniqueItems", keyword: "uniqueItems", params: { i: i9, j: j4 }, message: "must NOT have duplicate items (items ## " + j4 + " and " + i9 + " are identical)" }];
                                                        return false;
                                                        break outer3;
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            } else {
                                              validate29.errors = [{ instancePath: instancePath + "/retention/protect_stages", schemaPath: "#/properties/retention/properties/protect_stages/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                              return false;
                                            }
                                          }
                                          var valid25 = _errs75 === errors;
                                        } else {
                                          var valid25 = true;
                                        }
                                        if (valid25) {
                                          if (data22.mode !== void 0) {
                                            let data27 = data22.mode;
                                            const _errs80 = errors;
                                            if (!(data27 === "archive" || data27 === "remove")) {
                                              validate29.errors = [{ instancePath: instancePath + "/retention/mode", schemaPath: "#/properties/retention/properties/mode/enum", keyword: "enum", params: { allowedValues: schema52.properties.retention.properties.mode.enum }, message: "must be equal to one of the allowed values" }];
                                              return false;
                                            }
                                            var valid25 = _errs80 === errors;
                                          } else {
                                            var valid25 = true;
                                          }
                                          if (valid25) {
                                            if (data22.auto_cleanup !== void 0) {
                                              const _errs81 = errors;
                                              if (typeof data22.auto_cleanup !== "boolean") {
                                                validate29.errors = [{ instancePath: instancePath + "/retention/auto_cleanup", schemaPath: "#/properties/retention/properties/auto_cleanup/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                                                return false;
                                              }
                                              var valid25 = _errs81 === errors;
                                            } else {
                                              var valid25 = true;
                                            }
                                            if (valid25) {
                                              if (data22.cleanup_interval_hours !== void 0) {
                                                let data29 = data22.cleanup_interval_hours;
                                                const _errs83 = errors;
                                                if (errors === _errs83) {
                                                  if (typeof data29 == "number" && isFinite(data29)) {
                                                    if (data29 <= 0 || isNaN(data29)) {
                                                      validate29.errors = [{ instancePath: instancePath + "/retention/cleanup_interval_hours", schemaPath: "#/properties/retention/properties/cleanup_interval_hours/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" }];
                                                      return false;
                                                    }
                                                  } else {
                                                    validate29.errors = [{ instancePath: instancePath + "/retention/cleanup_interval_hours", schemaPath: "#/properties/retention/properties/cleanup_interval_hours/type", keyword: "type", params: { type: "number" }, message: "must be number" }];
                                                    return false;
                                                  }
                                                }
                                                var valid25 = _errs83 === errors;
                                              } else {
                                                var valid25 = true;
                                              }
                                              if (valid25) {
                                                if (data22.orphan_grace_hours !== void 0) {
                                                  let data30 = data22.orphan_grace_hours;
                                                  const _errs85 = errors;
                                                  if (errors === _errs85) {
                                                    if (typeof data30 == "number" && isFinite(data30)) {
                                                      if (data30 < 0 || isNaN(data30)) {
                                                        validate29.errors = [{ instancePath: instancePath + "/retention/orphan_grace_hours", schemaPath: "#/properties/retention/properties/orphan_grace_hours/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                                                        return false;
                                                      }
                                                    } else {
                                                      validate29.errors = [{ instancePath: instancePath + "/retention/orphan_grace_hours", schemaPath: "#/properties/retention/properties/orphan_grace_hours/type", keyword: "type", params: { type: "number" }, message: "must be number" }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid25 = _errs85 === errors;
                                                } else {
                                                  var valid25 = true;
                                                }
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              } else {
                                validate29.errors = [{ instancePath: instancePath + "/retention", schemaPath: "#/properties/retention/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                return false;
                              }
                            }
                            var valid0 = _errs68 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.metrics !== void 0) {
                              let data31 = data.metrics;
                              const _errs87 = errors;
                              if (errors === _errs87) {
                                if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
                                  for (const key9 in data31) {
                                    const _errs89 = errors;
                                    if (typeof key9 === "string") {
                                      if (!pattern20.test(key9)) {
                                        const err18 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z][A-Za-z0-9_.-]{0,63}$" }, message: 'must match pattern "^[A-Za-z][A-Za-z0-9_.-]{0,63}$"', propertyName: key9 };
                                        if (vErrors === null) {
                                          vErrors = [err18];
                                        } else {
                                          vErrors.push(err18);
                                        }
                                        errors++;
                                      }
                                    }
                                    var valid29 = _errs89 === errors;
                                    if (!valid29) {
                                      const err19 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/propertyNames", keyword: "propertyNames", params: { propertyName: key9 }, message: "property name must be valid" };
                                      if (vErrors === null) {
                                        vErrors = [err19];
                                      } else {
                                        vErrors.push(err19);
                                      }
                                      errors++;
                                      validate29.errors = vErrors;
                                      return false;
                                      break;
                                    }
                                  }
                                  if (valid29) {
                                    for (const key10 in data31) {
                                      let data32 = data31[key10];
                                      const _errs91 = errors;
                                      if (errors === _errs91) {
                                        if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
                                          const _errs93 = errors;
                                          for (const key11 in data32) {
                                            if (!(key11 === "lower_is_better")) {
                                              validate29.errors = [{ instancePath: instancePath + "/metrics/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metrics/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties" }];
                                              return false;
                                              break;
                                            }
                                          }
                                          if (_errs93 === errors) {
                                            if (data32.lower_is_better !== void 0) {
                                              if (typeof data32.lower_is_better !== "boolean") {
                                                validate29.errors = [{ instancePath: instancePath + "/metrics/" + key10.replace(/~/g, "~0").replace(/\//g, "~1") + "/lower_is_better", schemaPath: "#/properties/metrics/additionalProperties/properties/lower_is_better/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                                                return false;
                                              }
                                            }
                                          }
                                        } else {
                                          validate29.errors = [{ instancePath: instancePath + "/metrics/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metrics/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                          return false;
                                        }
                                      }
                                      var valid30 = _errs91 === errors;
                                      if (!valid30) {
                                        break;
                                      }
                                    }
                                  }
                                } else {
                                  validate29.errors = [{ instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                  return false;
                                }
                              }
                              var valid0 = _errs87 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.artifacts !== void 0) {
                                let data34 = data.artifacts;
                                const _errs96 = errors;
                                if (errors === _errs96) {
                                  if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
                                    let missing3;
                                    if (data34.store === void 0 && (missing3 = "store")) {
                                      validate29.errors = [{ instancePath: instancePath + "/artifacts", schemaPath: "#/properties/artifacts/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'" }];
                                      return false;
                                    } else {
                                      const _errs98 = errors;
                                      for (const key12 in data34) {
                                        if (!(key12 === "store" || key12 === "max_part_bytes" || key12 === "compression")) {
                                          validate29.errors = [{ instancePath: instancePath + "/artifacts", schemaPath: "#/properties/artifacts/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties" }];
                                          return false;
                                          break;
                                        }
                                      }
                                      if (_errs98 === errors) {
                                        if (data34.store !== void 0) {
                                          let data35 = data34.store;
                                          const _errs99 = errors;
                                          if (!(data35 === "local" || data35 === "github-release")) {
                                            validate29.errors = [{ instancePath: instancePath + "/artifacts/store", schemaPath: "#/properties/artifacts/properties/store/enum", keyword: "enum", params: { allowedValues: schema52.properties.artifacts.properties.store.enum }, message: "must be equal to one of the allowed values" }];
                                            return false;
                                          }
                                          var valid32 = _errs99 === errors;
                                        } else {
                                          var valid32 = true;
                                        }
                                        if (valid32) {
                                          if (data34.max_part_bytes !== void 0) {
                                            let data36 = data34.max_part_bytes;
                                            const _errs100 = errors;
                                            if (!(typeof data36 == "number" && (!(data36 % 1) && !isNaN(data36)) && isFinite(data36))) {
                                              validate29.errors = [{ instancePath: instancePath + "/artifacts/max_part_bytes", schemaPath: "#/properties/artifacts/properties/max_part_bytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                              return false;
                                            }
                                            if (errors === _errs100) {
                                              if (typeof data36 == "number" && isFinite(data36)) {
                                                if (data36 > 2147483647 || isNaN(data36)) {
                                                  validate29.errors = [{ instancePath: instancePath + "/artifacts/max_part_bytes", schemaPath: "#/properties/artifacts/properties/max_part_bytes/maximum", keyword: "maximum", params: { comparison: "<=", limit: 2147483647 }, message: "must be <= 2147483647" }];
                                                  return false;
                                                } else {
                                                  if (data36 < 1 || isNaN(data36)) {
                                                    validate29.errors = [{ instancePath: instancePath + "/artifacts/max_part_bytes", schemaPath: "#/properties/artifacts/properties/max_part_bytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                                    return false;
                                                  }
                                                }
                                              }
                                            }
                                            var valid32 = _errs100 === errors;
                                          } else {
                                            var valid32 = true;
                                          }
                                          if (valid32) {
                                            if (data34.compression !== void 0) {
                                              let data37 = data34.compression;
                                              const _errs102 = errors;
                                              if (!(data37 === "none" || data37 === "gzip")) {
                                                validate29.errors = [{ instancePath: instancePath + "/artifacts/compression", schemaPath: "#/properties/artifacts/properties/compression/enum", keyword: "enum", params: { allowedValues: schema52.properties.artifacts.properties.compression.enum }, message: "must be equal to one of the allowed values" }];
                                                return false;
                                              }
                                              var valid32 = _errs102 === errors;
                                            } else {
                                              var valid32 = true;
                                            }
                                          }
                                        }
                                      }
                                    }
                                  } else {
                                    validate29.errors = [{ instancePath: instancePath + "/artifacts", schemaPath: "#/properties/artifacts/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                    return false;
                                  }
                                }
                                var valid0 = _errs96 === errors;
                              } else {
                                var valid0 = true;
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate29.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate29.errors = vErrors;
  return errors === 0;
}
validate29.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var modelHead = validate30;
var schema62 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://git-model-registry.dev/schemas/model-head.schema.json", "title": "ModelHead", "description": "models/<name>/head.json (layout 2): derived from the model's version files. What reference resolution and automatic versions need without reading the versions: counts, stage holders, the newest and highest versions.", "type": "object", "additionalProperties": false, "required": ["schema_version", "name", "count", "newest", "highest", "highest_live", "latest", "types", "metrics", "stages"], "properties": { "schema_version": { "const": 2 }, "name": { "$ref": "#/$defs/slug" }, "count": { "type": "integer", "minimum": 1 }, "newest": { "description": "Newest registration that is not archived (name@latest).", "oneOf": [{ "$ref": "#/$defs/semver" }, { "type": "null" }] }, "highest": { "description": "Highest version of all (automatic versions bump from it).", "$ref": "#/$defs/semver" }, "highest_live": { "description": "Highest version that is not archived.", "oneOf": [{ "$ref": "#/$defs/semver" }, { "type": "null" }] }, "latest": { "description": "name@latest: the highest release not archived, else the highest pre-release.", "oneOf": [{ "$ref": "#/$defs/semver" }, { "type": "null" }] }, "types": { "description": "model_type \u2192 how many versions have it.", "type": "object", "minProperties": 1, "additionalProperties": { "type": "integer", "minimum": 1 } }, "metrics": { "description": "metric name \u2192 how many versions record it.", "type": "object", "additionalProperties": { "type": "integer", "minimum": 1 } }, "stages": { "description": "stage \u2192 how many versions hold it and the newest registration among them.", "type": "object", "minProperties": 1, "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["count", "newest"], "properties": { "count": { "type": "integer", "minimum": 1 }, "newest": { "$ref": "#/$defs/semver" } } }, "propertyNames": { "$ref": "#/$defs/stage" } } }, "$defs": { "slug": { "type": "string", "pattern": "^[a-z0-9][a-z0-9_.-]{0,62}$" }, "semver": { "type": "string", "pattern": "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$" }, "stage": { "type": "string", "pattern": "^[a-z][a-z0-9_-]{0,31}$" } } };
function validate30(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate30.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.schema_version === void 0 && (missing0 = "schema_version") || data.name === void 0 && (missing0 = "name") || data.count === void 0 && (missing0 = "count") || data.newest === void 0 && (missing0 = "newest") || data.highest === void 0 && (missing0 = "highest") || data.highest_live === void 0 && (missing0 = "highest_live") || data.latest === void 0 && (missing0 = "latest") || data.types === void 0 && (missing0 = "types") || data.metrics === void 0 && (missing0 = "metrics") || data.stages === void 0 && (missing0 = "stages")) {
        validate30.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!func1.call(schema62.properties, key0)) {
            validate30.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.schema_version !== void 0) {
            const _errs2 = errors;
            if (2 !== data.schema_version) {
              validate30.errors = [{ instancePath: instancePath + "/schema_version", schemaPath: "#/properties/schema_version/const", keyword: "const", params: { allowedValue: 2 }, message: "must be equal to constant" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.name !== void 0) {
              let data1 = data.name;
              const _errs3 = errors;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!pattern5.test(data1)) {
                    validate30.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/$defs/slug/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9_.-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9_.-]{0,62}$"' }];
                    return false;
                  }
                } else {
                  validate30.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/$defs/slug/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.count !== void 0) {
                let data2 = data.count;
                const _errs6 = errors;
                if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
                  validate30.errors = [{ instancePath: instancePath + "/count", schemaPath: "#/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                  return false;
                }
                if (errors === _errs6) {
                  if (typeof data2 == "number" && isFinite(data2)) {
                    if (data2 < 1 || isNaN(data2)) {
                      validate30.errors = [{ instancePath: instancePath + "/count", schemaPath: "#/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                      return false;
                    }
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.newest !== void 0) {
                  let data3 = data.newest;
                  const _errs8 = errors;
                  const _errs9 = errors;
                  let valid2 = false;
                  let passing0 = null;
                  const _errs10 = errors;
                  const _errs11 = errors;
                  if (errors === _errs11) {
                    if (typeof data3 === "string") {
                      if (!pattern7.test(data3)) {
                        const err0 = { instancePath: instancePath + "/newest", schemaPath: "#/$defs/semver/pattern", keyword: "pattern", params: { pattern: "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$" }, message: 'must match pattern "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$"' };
                        if (vErrors === null) {
                          vErrors = [err0];
                        } else {
                          vErrors.push(err0);
                        }
                        errors++;
                      }
                    } else {
                      const err1 = { instancePath: instancePath + "/newest", schemaPath: "#/$defs/semver/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      if (vErrors === null) {
                        vErrors = [err1];
                      } else {
                        vErrors.push(err1);
                      }
                      errors++;
                    }
                  }
                  var _valid0 = _errs10 === errors;
                  if (_valid0) {
                    valid2 = true;
                    passing0 = 0;
                  }
                  const _errs13 = errors;
                  if (data3 !== null) {
                    const err2 = { instancePath: instancePath + "/newest", schemaPath: "#/properties/newest/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                    if (vErrors === null) {
                      vErrors = [err2];
                    } else {
                      vErrors.push(err2);
                    }
                    errors++;
                  }
                  var _valid0 = _errs13 === errors;
                  if (_valid0 && valid2) {
                    valid2 = false;
                    passing0 = [passing0, 1];
                  } else {
                    if (_valid0) {
                      valid2 = true;
                      passing0 = 1;
                    }
                  }
                  if (!valid2) {
                    const err3 = { instancePath: instancePath + "/newest", schemaPath: "#/properties/newest/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                    if (vErrors === null) {
                      vErrors = [err3];
                    } else {
                      vErrors.push(err3);
                    }
                    errors++;
                    validate30.errors = vErrors;
                    return false;
                  } else {
                    errors = _errs9;
                    if (vErrors !== null) {
                      if (_errs9) {
                        vErrors.length = _errs9;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.highest !== void 0) {
                    let data4 = data.highest;
                    const _errs15 = errors;
                    const _errs16 = errors;
                    if (errors === _errs16) {
                      if (typeof data4 === "string") {
                        if (!pattern7.test(data4)) {
                          validate30.errors = [{ instancePath: instancePath + "/highest", schemaPath: "#/$defs/semver/pattern", keyword: "pattern", params: { pattern: "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$" }, message: 'must match pattern "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$"' }];
                          return false;
                        }
                      } else {
                        validate30.errors = [{ instancePath: instancePath + "/highest", schemaPath: "#/$defs/semver/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                        return false;
                      }
                    }
                    var valid0 = _errs15 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.highest_live !== void 0) {
                      let data5 = data.highest_live;
                      const _errs18 = errors;
                      const _errs19 = errors;
                      let valid5 = false;
                      let passing1 = null;
                      const _errs20 = errors;
                      const _errs21 = errors;
                      if (errors === _errs21) {
                        if (typeof data5 === "string") {
                          if (!pattern7.test(data5)) {
                            const err4 = { instancePath: instancePath + "/highest_live", schemaPath: "#/$defs/semver/pattern", keyword: "pattern", params: { pattern: "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$" }, message: 'must match pattern "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$"' };
                            if (vErrors === null) {
                              vErrors = [err4];
                            } else {
                              vErrors.push(err4);
                            }
                            errors++;
                          }
                        } else {
                          const err5 = { instancePath: instancePath + "/highest_live", schemaPath: "#/$defs/semver/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err5];
                          } else {
                            vErrors.push(err5);
                          }
                          errors++;
                        }
                      }
                      var _valid1 = _errs20 === errors;
                      if (_valid1) {
                        valid5 = true;
                        passing1 = 0;
                      }
                      const _errs23 = errors;
                      if (data5 !== null) {
                        const err6 = { instancePath: instancePath + "/highest_live", schemaPath: "#/properties/highest_live/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                        if (vErrors === null) {
                          vErrors = [err6];
                        } else {
                          vErrors.push(err6);
                        }
                        errors++;
                      }
                      var _valid1 = _errs23 === errors;
                      if (_valid1 && valid5) {
                        valid5 = false;
                        passing1 = [passing1, 1];
                      } else {
                        if (_valid1) {
                          valid5 = true;
                          passing1 = 1;
                        }
                      }
                      if (!valid5) {
                        const err7 = { instancePath: instancePath + "/highest_live", schemaPath: "#/properties/highest_live/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf" };
                        if (vErrors === null) {
                          vErrors = [err7];
                        } else {
                          vErrors.push(err7);
                        }
                        errors++;
                        validate30.errors = vErrors;
                        return false;
                      } else {
                        errors = _errs19;
                        if (vErrors !== null) {
                          if (_errs19) {
                            vErrors.length = _errs19;
                          } else {
                            vErrors = null;
                          }
                        }
                      }
                      var valid0 = _errs18 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.latest !== void 0) {
                        let data6 = data.latest;
                        const _errs25 = errors;
                        const _errs26 = errors;
                        let valid7 = false;
                        let passing2 = null;
                        const _errs27 = errors;
                        const _errs28 = errors;
                        if (errors === _errs28) {
                          if (typeof data6 === "string") {
                            if (!pattern7.test(data6)) {
                              const err8 = { instancePath: instancePath + "/latest", schemaPath: "#/$defs/semver/pattern", keyword: "pattern", params: { pattern: "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$" }, message: 'must match pattern "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$"' };
                              if (vErrors === null) {
                                vErrors = [err8];
                              } else {
                                vErrors.push(err8);
                              }
                              errors++;
                            }
                          } else {
                            const err9 = { instancePath: instancePath + "/latest", schemaPath: "#/$defs/semver/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                              vErrors = [err9];
                            } else {
                              vErrors.push(err9);
                            }
                            errors++;
                          }
                        }
                        var _valid2 = _errs27 === errors;
                        if (_valid2) {
                          valid7 = true;
                          passing2 = 0;
                        }
                        const _errs30 = errors;
                        if (data6 !== null) {
                          const err10 = { instancePath: instancePath + "/latest", schemaPath: "#/properties/latest/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                          if (vErrors === null) {
                            vErrors = [err10];
                          } else {
                            vErrors.push(err10);
                          }
                          errors++;
                        }
                        var _valid2 = _errs30 === errors;
                        if (_valid2 && valid7) {
                          valid7 = false;
                          passing2 = [passing2, 1];
                        } else {
                          if (_valid2) {
                            valid7 = true;
                            passing2 = 1;
                          }
                        }
                        if (!valid7) {
                          const err11 = { instancePath: instancePath + "/latest", schemaPath: "#/properties/latest/oneOf", keyword: "oneOf", params: { passingSchemas: passing2 }, message: "must match exactly one schema in oneOf" };
                          if (vErrors === null) {
                            vErrors = [err11];
                          } else {
                            vErrors.push(err11);
                          }
                          errors++;
                          validate30.errors = vErrors;
                          return false;
                        } else {
                          errors = _errs26;
                          if (vErrors !== null) {
                            if (_errs26) {
                              vErrors.length = _errs26;
                            } else {
                              vErrors = null;
                            }
                          }
                        }
                        var valid0 = _errs25 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.types !== void 0) {
                          let data7 = data.types;
                          const _errs32 = errors;
                          if (errors === _errs32) {
                            if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
                              if (Object.keys(data7).length < 1) {
                                validate30.errors = [{ instancePath: instancePath + "/types", schemaPath: "#/properties/types/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" }];
                                return false;
                              } else {
                                for (const key1 in data7) {
                                  let data8 = data7[key1];
                                  const _errs35 = errors;
                                  if (!(typeof data8 == "number" && (!(data8 % 1) && !isNaN(data8)) && isFinite(data8))) {
                                    validate30.errors = [{ instancePath: instancePath + "/types/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/types/additionalProperties/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                    return false;
                                  }
                                  if (errors === _errs35) {
                                    if (typeof data8 == "number" && isFinite(data8)) {
                                      if (data8 < 1 || isNaN(data8)) {
                                        validate30.errors = [{ instancePath: instancePath + "/types/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/types/additionalProperties/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                        return false;
                                      }
                                    }
                                  }
                                  var valid9 = _errs35 === errors;
                                  if (!valid9) {
                                    break;
                                  }
                                }
                              }
                            } else {
                              validate30.errors = [{ instancePath: instancePath + "/types", schemaPath: "#/properties/types/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                              return false;
                            }
                          }
                          var valid0 = _errs32 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.metrics !== void 0) {
                            let data9 = data.metrics;
                            const _errs37 = errors;
                            if (errors === _errs37) {
                              if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                                for (const key2 in data9) {
                                  let data10 = data9[key2];
                                  const _errs40 = errors;
                                  if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)) && isFinite(data10))) {
                                    validate30.errors = [{ instancePath: instancePath + "/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metrics/additionalProperties/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                    return false;
                                  }
                                  if (errors === _errs40) {
                                    if (typeof data10 == "number" && isFinite(data10)) {
                                      if (data10 < 1 || isNaN(data10)) {
                                        validate30.errors = [{ instancePath: instancePath + "/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metrics/additionalProperties/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                        return false;
                                      }
                                    }
                                  }
                                  var valid10 = _errs40 === errors;
                                  if (!valid10) {
                                    break;
                                  }
                                }
                              } else {
                                validate30.errors = [{ instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                return false;
                              }
                            }
                            var valid0 = _errs37 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.stages !== void 0) {
                              let data11 = data.stages;
                              const _errs42 = errors;
                              if (errors === _errs42) {
                                if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                                  if (Object.keys(data11).length < 1) {
                                    validate30.errors = [{ instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" }];
                                    return false;
                                  } else {
                                    for (const key3 in data11) {
                                      const _errs44 = errors;
                                      const _errs45 = errors;
                                      if (errors === _errs45) {
                                        if (typeof key3 === "string") {
                                          if (!pattern18.test(key3)) {
                                            const err12 = { instancePath: instancePath + "/stages", schemaPath: "#/$defs/stage/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9_-]{0,31}$"', propertyName: key3 };
                                            if (vErrors === null) {
                                              vErrors = [err12];
                                            } else {
                                              vErrors.push(err12);
                                            }
                                            errors++;
                                          }
                                        } else {
                                          const err13 = { instancePath: instancePath + "/stages", schemaPath: "#/$defs/stage/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key3 };
                                          if (vErrors === null) {
                                            vErrors = [err13];
                                          } else {
                                            vErrors.push(err13);
                                          }
                                          errors++;
                                        }
                                      }
                                      var valid11 = _errs44 === errors;
                                      if (!valid11) {
                                        const err14 = { instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/propertyNames", keyword: "propertyNames", params: { propertyName: key3 }, message: "property name must be valid" };
                                        if (vErrors === null) {
                                          vErrors = [err14];
                                        } else {
                                          vErrors.push(err14);
                                        }
                                        errors++;
                                        validate30.errors = vErrors;
                                        return false;
                                        break;
                                      }
                                    }
                                    if (valid11) {
                                      for (const key4 in data11) {
                                        let data12 = data11[key4];
                                        const _errs48 = errors;
                                        if (errors === _errs48) {
                                          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                                            let missing1;
                                            if (data12.count === void 0 && (missing1 = "count") || data12.newest === void 0 && (missing1 = "newest")) {
                                              validate30.errors = [{ instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
                                              return false;
                                            } else {
                                              const _errs50 = errors;
                                              for (const key5 in data12) {
                                                if (!(key5 === "count" || key5 === "newest")) {
                                                  validate30.errors = [{ instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" }];
                                                  return false;
                                                  break;
                                                }
                                              }
                                              if (_errs50 === errors) {
                                                if (data12.count !== void 0) {
                                                  let data13 = data12.count;
                                                  const _errs51 = errors;
                                                  if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
                                                    validate30.errors = [{ instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/properties/stages/additionalProperties/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                    return false;
                                                  }
                                                  if (errors === _errs51) {
                                                    if (typeof data13 == "number" && isFinite(data13)) {
                                                      if (data13 < 1 || isNaN(data13)) {
                                                        validate30.errors = [{ instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/properties/stages/additionalProperties/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                                        return false;
                                                      }
                                                    }
                                                  }
                                                  var valid14 = _errs51 === errors;
                                                } else {
                                                  var valid14 = true;
                                                }
                                                if (valid14) {
                                                  if (data12.newest !== void 0) {
                                                    let data14 = data12.newest;
                                                    const _errs53 = errors;
                                                    const _errs54 = errors;
                                                    if (errors === _errs54) {
                                                      if (typeof data14 === "string") {
                                                        if (!pattern7.test(data14)) {
                                                          validate30.errors = [{ instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/newest", schemaPath: "#/$defs/semver/pattern", keyword: "pattern", params: { pattern: "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$" }, message: 'must match pattern "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$"' }];
                                                          return false;
                                                        }
                                                      } else {
                                                        validate30.errors = [{ instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/newest", schemaPath: "#/$defs/semver/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid14 = _errs53 === errors;
                                                  } else {
                                                    var valid14 = true;
                                                  }
                                                }
                                              }
                                            }
                                          } else {
                                            validate30.errors = [{ instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                            return false;
                                          }
                                        }
                                        var valid13 = _errs48 === errors;
                                        if (!valid13) {
                                          break;
                                        }
                                      }
                                    }
                                  }
                                } else {
                                  validate30.errors = [{ instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                  return false;
                                }
                              }
                              var valid0 = _errs42 === errors;
                            } else {
                              var valid0 = true;
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate30.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate30.errors = vErrors;
  return errors === 0;
}
validate30.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var rowShard = validate31;
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate31.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.schema_version === void 0 && (missing0 = "schema_version") || data.name === void 0 && (missing0 = "name") || data.rows === void 0 && (missing0 = "rows")) {
        validate31.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "schema_version" || key0 === "name" || key0 === "rows")) {
            validate31.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.schema_version !== void 0) {
            const _errs2 = errors;
            if (2 !== data.schema_version) {
              validate31.errors = [{ instancePath: instancePath + "/schema_version", schemaPath: "#/properties/schema_version/const", keyword: "const", params: { allowedValue: 2 }, message: "must be equal to constant" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.name !== void 0) {
              let data1 = data.name;
              const _errs3 = errors;
              if (errors === _errs3) {
                if (typeof data1 === "string") {
                  if (!pattern5.test(data1)) {
                    validate31.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9_.-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9_.-]{0,62}$"' }];
                    return false;
                  }
                } else {
                  validate31.errors = [{ instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.rows !== void 0) {
                let data2 = data.rows;
                const _errs5 = errors;
                if (errors === _errs5) {
                  if (Array.isArray(data2)) {
                    if (data2.length < 1) {
                      validate31.errors = [{ instancePath: instancePath + "/rows", schemaPath: "#/properties/rows/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" }];
                      return false;
                    } else {
                      var valid1 = true;
                      const len0 = data2.length;
                      for (let i0 = 0; i0 < len0; i0++) {
                        let data3 = data2[i0];
                        const _errs7 = errors;
                        if (errors === _errs7) {
                          if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                            let missing1;
                            if (data3.version === void 0 && (missing1 = "version") || data3.model_id === void 0 && (missing1 = "model_id") || data3.model_type === void 0 && (missing1 = "model_type") || data3.registered_at === void 0 && (missing1 = "registered_at") || data3.stage === void 0 && (missing1 = "stage") || data3.deleted === void 0 && (missing1 = "deleted") || data3.tags === void 0 && (missing1 = "tags") || data3.metrics === void 0 && (missing1 = "metrics")) {
                              validate31.errors = [{ instancePath: instancePath + "/rows/" + i0, schemaPath: "#/properties/rows/items/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
                              return false;
                            } else {
                              const _errs9 = errors;
                              for (const key1 in data3) {
                                if (!(key1 === "version" || key1 === "model_id" || key1 === "model_type" || key1 === "registered_at" || key1 === "stage" || key1 === "deleted" || key1 === "tags" || key1 === "metrics")) {
                                  validate31.errors = [{ instancePath: instancePath + "/rows/" + i0, schemaPath: "#/properties/rows/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" }];
                                  return false;
                                  break;
                                }
                              }
                              if (_errs9 === errors) {
                                if (data3.version !== void 0) {
                                  const _errs10 = errors;
                                  if (typeof data3.version !== "string") {
                                    validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/version", schemaPath: "#/properties/rows/items/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                    return false;
                                  }
                                  var valid2 = _errs10 === errors;
                                } else {
                                  var valid2 = true;
                                }
                                if (valid2) {
                                  if (data3.model_id !== void 0) {
                                    const _errs12 = errors;
                                    if (typeof data3.model_id !== "string") {
                                      validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/model_id", schemaPath: "#/properties/rows/items/properties/model_id/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                      return false;
                                    }
                                    var valid2 = _errs12 === errors;
                                  } else {
                                    var valid2 = true;
                                  }
                                  if (valid2) {
                                    if (data3.model_type !== void 0) {
                                      const _errs14 = errors;
                                      if (typeof data3.model_type !== "string") {
                                        validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/model_type", schemaPath: "#/properties/rows/items/properties/model_type/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                        return false;
                                      }
                                      var valid2 = _errs14 === errors;
                                    } else {
                                      var valid2 = true;
                                    }
                                    if (valid2) {
                                      if (data3.registered_at !== void 0) {
                                        const _errs16 = errors;
                                        if (typeof data3.registered_at !== "string") {
                                          validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/registered_at", schemaPath: "#/properties/rows/items/properties/registered_at/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                          return false;
                                        }
                                        var valid2 = _errs16 === errors;
                                      } else {
                                        var valid2 = true;
                                      }
                                      if (valid2) {
                                        if (data3.stage !== void 0) {
                                          const _errs18 = errors;
                                          if (typeof data3.stage !== "string") {
                                            validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/stage", schemaPath: "#/properties/rows/items/properties/stage/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                            return false;
                                          }
                                          var valid2 = _errs18 === errors;
                                        } else {
                                          var valid2 = true;
                                        }
                                        if (valid2) {
                                          if (data3.deleted !== void 0) {
                                            const _errs20 = errors;
                                            if (typeof data3.deleted !== "boolean") {
                                              validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/deleted", schemaPath: "#/properties/rows/items/properties/deleted/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }];
                                              return false;
                                            }
                                            var valid2 = _errs20 === errors;
                                          } else {
                                            var valid2 = true;
                                          }
                                          if (valid2) {
                                            if (data3.tags !== void 0) {
                                              let data10 = data3.tags;
                                              const _errs22 = errors;
                                              if (errors === _errs22) {
                                                if (Array.isArray(data10)) {
                                                  var valid3 = true;
                                                  const len1 = data10.length;
                                                  for (let i1 = 0; i1 < len1; i1++) {
                                                    const _errs24 = errors;
                                                    if (typeof data10[i1] !== "string") {
                                                      validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/tags/" + i1, schemaPath: "#/properties/rows/items/properties/tags/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                      return false;
                                                    }
                                                    var valid3 = _errs24 === errors;
                                                    if (!valid3) {
                                                      break;
                                                    }
                                                  }
                                                } else {
                                                  validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/tags", schemaPath: "#/properties/rows/items/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                  return false;
                                                }
                                              }
                                              var valid2 = _errs22 === errors;
                                            } else {
                                              var valid2 = true;
                                            }
                                            if (valid2) {
                                              if (data3.metrics !== void 0) {
                                                let data12 = data3.metrics;
                                                const _errs26 = errors;
                                                if (errors === _errs26) {
                                                  if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                                                    for (const key2 in data12) {
                                                      let data13 = data12[key2];
                                                      const _errs29 = errors;
                                                      if (!(typeof data13 == "number" && isFinite(data13))) {
                                                        validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rows/items/properties/metrics/additionalProperties/type", keyword: "type", params: { type: "number" }, message: "must be number" }];
                                                        return false;
                                                      }
                                                      var valid4 = _errs29 === errors;
                                                      if (!valid4) {
                                                        break;
                                                      }
                                                    }
                                                  } else {
                                                    validate31.errors = [{ instancePath: instancePath + "/rows/" + i0 + "/metrics", schemaPath: "#/properties/rows/items/properties/metrics/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                    return false;
                                                  }
                                                }
                                                var valid2 = _errs26 === errors;
                                              } else {
                                                var valid2 = true;
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          } else {
                            validate31.errors = [{ instancePath: instancePath + "/rows/" + i0, schemaPath: "#/properties/rows/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                            return false;
                          }
                        }
                        var valid1 = _errs7 === errors;
                        if (!valid1) {
                          break;
                        }
                      }
                    }
                  } else {
                    validate31.errors = [{ instancePath: instancePath + "/rows", schemaPath: "#/properties/rows/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                    return false;
                  }
                }
                var valid0 = _errs5 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate31.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate31.errors = vErrors;
  return errors === 0;
}
validate31.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var catalog = validate32;
var schema71 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://git-model-registry.dev/schemas/catalog.schema.json", "title": "Catalog", "description": "catalog.json (layout 2): every model's head summary, for questions across models (every production model). Its presence with schema_version 2 marks the layout. Derived from the version files.", "type": "object", "additionalProperties": false, "required": ["schema_version", "models"], "properties": { "schema_version": { "const": 2 }, "models": { "type": "object", "propertyNames": { "pattern": "^[a-z0-9][a-z0-9_.-]{0,62}$" }, "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["count", "newest", "highest", "highest_live", "latest", "types", "metrics", "stages"], "properties": { "count": { "type": "integer", "minimum": 1 }, "newest": { "type": ["string", "null"] }, "highest": { "type": "string" }, "highest_live": { "type": ["string", "null"] }, "latest": { "description": "name@latest: the highest release not archived, else the highest pre-release.", "type": ["string", "null"] }, "types": { "type": "object", "minProperties": 1, "additionalProperties": { "type": "integer", "minimum": 1 } }, "metrics": { "description": "metric name \u2192 how many versions record it.", "type": "object", "additionalProperties": { "type": "integer", "minimum": 1 } }, "stages": { "type": "object", "minProperties": 1, "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["count", "newest"], "properties": { "count": { "type": "integer", "minimum": 1 }, "newest": { "type": "string" } } } } } } } } };
function validate32(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate32.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.schema_version === void 0 && (missing0 = "schema_version") || data.models === void 0 && (missing0 = "models")) {
        validate32.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === "schema_version" || key0 === "models")) {
            validate32.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.schema_version !== void 0) {
            const _errs2 = errors;
            if (2 !== data.schema_version) {
              validate32.errors = [{ instancePath: instancePath + "/schema_version", schemaPath: "#/properties/schema_version/const", keyword: "const", params: { allowedValue: 2 }, message: "must be equal to constant" }];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.models !== void 0) {
              let data1 = data.models;
              const _errs3 = errors;
              if (errors === _errs3) {
                if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                  for (const key1 in data1) {
                    const _errs5 = errors;
                    if (typeof key1 === "string") {
                      if (!pattern5.test(key1)) {
                        const err0 = { instancePath: instancePath + "/models", schemaPath: "#/properties/models/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9_.-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9_.-]{0,62}$"', propertyName: key1 };
                        if (vErrors === null) {
                          vErrors = [err0];
                        } else {
                          vErrors.push(err0);
                        }
                        errors++;
                      }
                    }
                    var valid1 = _errs5 === errors;
                    if (!valid1) {
                      const err1 = { instancePath: instancePath + "/models", schemaPath: "#/properties/models/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
                      if (vErrors === null) {
                        vErrors = [err1];
                      } else {
                        vErrors.push(err1);
                      }
                      errors++;
                      validate32.errors = vErrors;
                      return false;
                      break;
                    }
                  }
                  if (valid1) {
                    for (const key2 in data1) {
                      let data2 = data1[key2];
                      const _errs7 = errors;
                      if (errors === _errs7) {
                        if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
                          let missing1;
                          if (data2.count === void 0 && (missing1 = "count") || data2.newest === void 0 && (missing1 = "newest") || data2.highest === void 0 && (missing1 = "highest") || data2.highest_live === void 0 && (missing1 = "highest_live") || data2.latest === void 0 && (missing1 = "latest") || data2.types === void 0 && (missing1 = "types") || data2.metrics === void 0 && (missing1 = "metrics") || data2.stages === void 0 && (missing1 = "stages")) {
                            validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
                            return false;
                          } else {
                            const _errs9 = errors;
                            for (const key3 in data2) {
                              if (!(key3 === "count" || key3 === "newest" || key3 === "highest" || key3 === "highest_live" || key3 === "latest" || key3 === "types" || key3 === "metrics" || key3 === "stages")) {
                                validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" }];
                                return false;
                                break;
                              }
                            }
                            if (_errs9 === errors) {
                              if (data2.count !== void 0) {
                                let data3 = data2.count;
                                const _errs10 = errors;
                                if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
                                  validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/properties/models/additionalProperties/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                  return false;
                                }
                                if (errors === _errs10) {
                                  if (typeof data3 == "number" && isFinite(data3)) {
                                    if (data3 < 1 || isNaN(data3)) {
                                      validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/properties/models/additionalProperties/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                      return false;
                                    }
                                  }
                                }
                                var valid3 = _errs10 === errors;
                              } else {
                                var valid3 = true;
                              }
                              if (valid3) {
                                if (data2.newest !== void 0) {
                                  let data4 = data2.newest;
                                  const _errs12 = errors;
                                  if (typeof data4 !== "string" && data4 !== null) {
                                    validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/newest", schemaPath: "#/properties/models/additionalProperties/properties/newest/type", keyword: "type", params: { type: schema71.properties.models.additionalProperties.properties.newest.type }, message: "must be string,null" }];
                                    return false;
                                  }
                                  var valid3 = _errs12 === errors;
                                } else {
                                  var valid3 = true;
                                }
                                if (valid3) {
                                  if (data2.highest !== void 0) {
                                    const _errs14 = errors;
                                    if (typeof data2.highest !== "string") {
                                      validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/highest", schemaPath: "#/properties/models/additionalProperties/properties/highest/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                      return false;
                                    }
                                    var valid3 = _errs14 === errors;
                                  } else {
                                    var valid3 = true;
                                  }
                                  if (valid3) {
                                    if (data2.highest_live !== void 0) {
                                      let data6 = data2.highest_live;
                                      const _errs16 = errors;
                                      if (typeof data6 !== "string" && data6 !== null) {
                                        validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/highest_live", schemaPath: "#/properties/models/additionalProperties/properties/highest_live/type", keyword: "type", params: { type: schema71.properties.models.additionalProperties.properties.highest_live.type }, message: "must be string,null" }];
                                        return false;
                                      }
                                      var valid3 = _errs16 === errors;
                                    } else {
                                      var valid3 = true;
                                    }
                                    if (valid3) {
                                      if (data2.latest !== void 0) {
                                        let data7 = data2.latest;
                                        const _errs18 = errors;
                                        if (typeof data7 !== "string" && data7 !== null) {
                                          validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/latest", schemaPath: "#/properties/models/additionalProperties/properties/latest/type", keyword: "type", params: { type: schema71.properties.models.additionalProperties.properties.latest.type }, message: "must be string,null" }];
                                          return false;
                                        }
                                        var valid3 = _errs18 === errors;
                                      } else {
                                        var valid3 = true;
                                      }
                                      if (valid3) {
                                        if (data2.types !== void 0) {
                                          let data8 = data2.types;
                                          const _errs20 = errors;
                                          if (errors === _errs20) {
                                            if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                                              if (Object.keys(data8).length < 1) {
                                                validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/types", schemaPath: "#/properties/models/additionalProperties/properties/types/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" }];
                                                return false;
                                              } else {
                                                for (const key4 in data8) {
                                                  let data9 = data8[key4];
                                                  const _errs23 = errors;
                                                  if (!(typeof data9 == "number" && (!(data9 % 1) && !isNaN(data9)) && isFinite(data9))) {
                                                    validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/types/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/properties/types/additionalProperties/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                    return false;
                                                  }
                                                  if (errors === _errs23) {
                                                    if (typeof data9 == "number" && isFinite(data9)) {
                                                      if (data9 < 1 || isNaN(data9)) {
                                                        validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/types/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/properties/types/additionalProperties/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                                        return false;
                                                      }
                                                    }
                                                  }
                                                  var valid4 = _errs23 === errors;
                                                  if (!valid4) {
                                                    break;
                                                  }
                                                }
                                              }
                                            } else {
                                              validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/types", schemaPath: "#/properties/models/additionalProperties/properties/types/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                              return false;
                                            }
                                          }
                                          var valid3 = _errs20 === errors;
                                        } else {
                                          var valid3 = true;
                                        }
                                        if (valid3) {
                                          if (data2.metrics !== void 0) {
                                            let data10 = data2.metrics;
                                            const _errs25 = errors;
                                            if (errors === _errs25) {
                                              if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                                                for (const key5 in data10) {
                                                  let data11 = data10[key5];
                                                  const _errs28 = errors;
                                                  if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)) && isFinite(data11))) {
                                                    validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/properties/metrics/additionalProperties/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                    return false;
                                                  }
                                                  if (errors === _errs28) {
                                                    if (typeof data11 == "number" && isFinite(data11)) {
                                                      if (data11 < 1 || isNaN(data11)) {
                                                        validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/properties/metrics/additionalProperties/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                                        return false;
                                                      }
                                                    }
                                                  }
                                                  var valid5 = _errs28 === errors;
                                                  if (!valid5) {
                                                    break;
                                                  }
                                                }
                                              } else {
                                                validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics", schemaPath: "#/properties/models/additionalProperties/properties/metrics/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                return false;
                                              }
                                            }
                                            var valid3 = _errs25 === errors;
                                          } else {
                                            var valid3 = true;
                                          }
                                          if (valid3) {
                                            if (data2.stages !== void 0) {
                                              let data12 = data2.stages;
                                              const _errs30 = errors;
                                              if (errors === _errs30) {
                                                if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                                                  if (Object.keys(data12).length < 1) {
                                                    validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/stages", schemaPath: "#/properties/models/additionalProperties/properties/stages/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" }];
                                                    return false;
                                                  } else {
                                                    for (const key6 in data12) {
                                                      let data13 = data12[key6];
                                                      const _errs33 = errors;
                                                      if (errors === _errs33) {
                                                        if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
                                                          let missing2;
                                                          if (data13.count === void 0 && (missing2 = "count") || data13.newest === void 0 && (missing2 = "newest")) {
                                                            validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/stages/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/properties/stages/additionalProperties/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'" }];
                                                            return false;
                                                          } else {
                                                            const _errs35 = errors;
                                                            for (const key7 in data13) {
                                                              if (!(key7 === "count" || key7 === "newest")) {
                                                                validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/stages/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/properties/stages/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" }];
                                                                return false;
                                                                break;
                                                              }
                                                            }
                                                            if (_errs35 === errors) {
                                                              if (data13.count !== void 0) {
                                                                let data14 = data13.count;
                                                                const _errs36 = errors;
                                                                if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
                                                                  validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/stages/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/properties/models/additionalProperties/properties/stages/additionalProperties/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                                  return false;
                                                                }
                                                                if (errors === _errs36) {
                                                                  if (typeof data14 == "number" && isFinite(data14)) {
                                                                    if (data14 < 1 || isNaN(data14)) {
                                                                      validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/stages/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/count", schemaPath: "#/properties/models/additionalProperties/properties/stages/additionalProperties/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                                                                      return false;
                                                                    }
                                                                  }
                                                                }
                                                                var valid7 = _errs36 === errors;
                                                              } else {
                                                                var valid7 = true;
                                                              }
                                                              if (valid7) {
                                                                if (data13.newest !== void 0) {
                                                                  const _errs38 = errors;
                                                                  if (typeof data13.newest !== "string") {
                                                                    validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/stages/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/newest", schemaPath: "#/properties/models/additionalProperties/properties/stages/additionalProperties/properties/newest/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                                    return false;
                                                                  }
                                                                  var valid7 = _errs38 === errors;
                                                                } else {
                                                                  var valid7 = true;
                                                                }
                                                              }
                                                            }
                                                          }
                                                        } else {
                                                          validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/stages/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/properties/stages/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                          return false;
                                                        }
                                                      }
                                                      var valid6 = _errs33 === errors;
                                                      if (!valid6) {
                                                        break;
                                                      }
                                                    }
                                                  }
                                                } else {
                                                  validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/stages", schemaPath: "#/properties/models/additionalProperties/properties/stages/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                  return false;
                                                }
                                              }
                                              var valid3 = _errs30 === errors;
                                            } else {
                                              var valid3 = true;
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        } else {
                          validate32.errors = [{ instancePath: instancePath + "/models/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/models/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                          return false;
                        }
                      }
                      var valid2 = _errs7 === errors;
                      if (!valid2) {
                        break;
                      }
                    }
                  }
                } else {
                  validate32.errors = [{ instancePath: instancePath + "/models", schemaPath: "#/properties/models/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                  return false;
                }
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate32.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate32.errors = vErrors;
  return errors === 0;
}
validate32.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// src/domain/validate.ts
function jsonPath(error) {
  const segments = error.instancePath.split("/").slice(1);
  if (error.keyword === "required") segments.push(String(error.params.missingProperty));
  if (error.keyword === "additionalProperties") segments.push(String(error.params.additionalProperty));
  return "$" + segments.map((s) => /^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, "/").replace(/~0/g, "~")}`).join("");
}
function describe(error) {
  switch (error.keyword) {
    case "required":
      return "is required";
    case "additionalProperties":
      return "is not a known field";
    case "pattern":
      return `does not match ${error.params.pattern}`;
    default:
      return error.message ?? "is invalid";
  }
}
function check(validate, doc, where, kind) {
  if (validate(doc)) return doc;
  const first = validate.errors?.[0];
  const detail = first ? `${jsonPath(first)} ${describe(first)}` : "does not match its schema";
  throw new RegistryError(kind, `${where}: ${detail}`, { file: where, path: first ? jsonPath(first) : "$" });
}
function validateModelVersion(doc, where, kind = "integrity") {
  return check(modelVersion, doc, where, kind);
}
function validateModelIndex(doc, where, kind = "integrity") {
  return check(modelIndex, doc, where, kind);
}
function validatePolicy(doc, where, kind = "integrity") {
  return check(registry, doc, where, kind);
}
function validateModelHead(doc, where, kind = "integrity") {
  return check(modelHead, doc, where, kind);
}
function validateRowShard(doc, where, kind = "integrity") {
  return check(rowShard, doc, where, kind);
}
function validateCatalog(doc, where, kind = "integrity") {
  return check(catalog, doc, where, kind);
}
var VERSION_FILE = /^models\/[^/]+\/versions\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/[^/]+\.json$/;
var HEAD_FILE = /^models\/[^/]+\/head\.json$/;
var ROW_SHARD = /^models\/[^/]+\/rows\/[0-9]{4}\/[0-9]{2}\/[0-9]{2}(\/[0-9]{2}){0,3}\.json$/;
function validateRegistryFile(path, content) {
  if (path === "registry.json") validatePolicy(content, path, "invalid-input");
  else if (path === "catalog.json") validateCatalog(content, path, "invalid-input");
  else if (HEAD_FILE.test(path)) validateModelHead(content, path, "invalid-input");
  else if (ROW_SHARD.test(path)) validateRowShard(content, path, "invalid-input");
  else if (VERSION_FILE.test(path)) validateModelVersion(content, path, "invalid-input");
  else
    throw new RegistryError(
      "invalid-input",
      `${path}: not a file the registry branch holds (registry.json, catalog.json, models/<name>/head.json, models/<name>/rows/\u2026, models/<name>/versions/\u2026/<version>.json)`
    );
}

export {
  validateModelVersion,
  validateModelIndex,
  validatePolicy,
  validateModelHead,
  validateRowShard,
  validateCatalog,
  validateRegistryFile
};
