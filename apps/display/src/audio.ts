import type { Chime, ClipPlayer, Speaker } from './announcer';

/** The system's Indonesian voice, if the PC has one (Windows and Android usually do). */
export function indonesianSpeaker(): Speaker | null {
  const synth = globalThis.speechSynthesis;
  const voice = synth?.getVoices().find((v) => v.lang.toLowerCase().startsWith('id'));
  if (!synth || !voice) return null;
  return {
    speak: (text, volume) =>
      new Promise<void>((resolve) => {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = 0.9;
        utterance.volume = volume;
        utterance.onend = () => resolve();
        utterance.onerror = () => resolve();
        synth.speak(utterance);
      }),
  };
}

/**
 * Recorded clips, played back to back: the hub answers /clips/<name> with the office's own recording
 * of that word, or else the one the display ships (public/clips/). A clip missing from both is skipped.
 */
export const clipPlayer: ClipPlayer = {
  async play(clips, volume) {
    for (const clip of clips) {
      const audio = new Audio(`/clips/${clip}`);
      audio.volume = volume;
      await new Promise<void>((resolve) => {
        audio.onended = () => resolve();
        audio.onerror = () => resolve();
        audio.play().catch(() => resolve());
      });
    }
  },
};

let context: AudioContext | null = null;
function audioContext(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  return context;
}

/**
 * Browsers play sound only after someone has touched the page (the autoplay policy; the Electron
 * shell lifts it, a plain Chromium does not): the Web Audio context stays 'suspended' until then.
 * Reports whether sound can play now and on every change; the first touch or key press unlocks it.
 */
export function watchSoundAllowed(onChange: (allowed: boolean) => void): () => void {
  const ctx = audioContext();
  if (!ctx) {
    onChange(true);
    return () => undefined;
  }
  const update = () => onChange(ctx.state === 'running');
  // resume() is allowed inside a user gesture; it also unlocks <audio> for the page (sticky activation).
  const unlock = () => void ctx.resume().then(update, update);
  ctx.addEventListener('statechange', update);
  document.addEventListener('pointerdown', unlock);
  document.addEventListener('keydown', unlock);
  update();
  return () => {
    ctx.removeEventListener('statechange', update);
    document.removeEventListener('pointerdown', unlock);
    document.removeEventListener('keydown', unlock);
  };
}

/** A two-tone "ding-dong" made with Web Audio, so no file is needed. */
export const chime: Chime = {
  play(volume) {
    const ctx = audioContext();
    if (!ctx) return Promise.resolve();
    const tone = (frequency: number, start: number) => {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.4 * volume + 0.0001, ctx.currentTime + start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + start + 0.7);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(ctx.currentTime + start);
      oscillator.stop(ctx.currentTime + start + 0.75);
    };
    tone(880, 0);
    tone(660, 0.45);
    return new Promise((resolve) => setTimeout(resolve, 1300));
  },
};
