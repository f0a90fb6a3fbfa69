/**
 * The standalone embed bundle (/embed/pos-troubleshooter.js): defines <pos-troubleshooter> with
 * every flow and both scripts inlined. Built as an IIFE so it runs the same from a classic
 * `<script defer>` and from `<script type="module">`, and leaks no globals.
 */
import '../lib/floor/polyfills';
import { definePosTroubleshooter } from '../components/troubleshooter/pos-troubleshooter';

definePosTroubleshooter();
