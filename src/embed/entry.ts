/**
 * The standalone embed bundle (/embed/pos-troubleshooter.js): defines <pos-troubleshooter> with
 * both scripts' UI strings and each flow's file URL and sha384 built in (the flows themselves are
 * data, fetched when shown: src/machines/manifest.ts). Built as an IIFE so it runs the same from
 * a classic `<script defer>` and from `<script type="module">`, and leaks no globals.
 */
import '../lib/floor/polyfills';
import { definePosTroubleshooter } from '../components/troubleshooter/pos-troubleshooter';

definePosTroubleshooter();
