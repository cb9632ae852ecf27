import { FileButton, useT } from '@pst/ui';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCounter } from '../store';
import { type Recording, recordMicrophone } from '../wav-recorder';
import type { SettingsSection } from './section';

interface ClipRow {
  name: string;
  text: string;
  source: 'office' | 'bundled' | 'missing';
}

/**
 * The words the lobby TV says with recorded clips, whose voice says each now, and an upload per word:
 * the office's own recordings replace the bundled synthetic voice one word at a time.
 */
function VoiceClipsForm() {
  const tr = useT();
  const { session } = useCounter(useShallow((s) => ({ session: s.session })));
  const [clips, setClips] = useState<ClipRow[] | null>(null);
  // Shown on the row of the word it is about ("Berkas ditolak" alone would not say which word's file).
  const [message, setMessage] = useState<{ clip: string; tone: 'ok' | 'error'; text: string } | null>(null);
  const recording = useRef<Recording | null>(null);
  const [recordingClip, setRecordingClip] = useState<string | null>(null);
  const call = useCallback(
    (path: string, init: RequestInit = {}) =>
      fetch(new URL(`../${path}`, window.location.href), {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${session?.token ?? ''}` },
      }),
    [session],
  );
  const load = useCallback(async () => {
    const response = await call('api/clips');
    if (response.ok) setClips(((await response.json()) as { data: { clips: ClipRow[] } }).data.clips);
  }, [call]);
  useEffect(() => {
    void load();
  }, [load]);
  const upload = async (clip: ClipRow, file: Blob) => {
    const response = await call(`api/clips/${clip.name}`, { method: 'PUT', body: file });
    setMessage(
      response.ok
        ? { clip: clip.name, tone: 'ok', text: tr('set.clipSaved', { word: clip.text }) }
        : { clip: clip.name, tone: 'error', text: tr('set.clipRefused') },
    );
    await load();
  };
  /** First press: record from the microphone; second press: stop and keep it as the clip. */
  const record = async (clip: ClipRow) => {
    if (recording.current) {
      const wav = await recording.current.stop();
      recording.current = null;
      setRecordingClip(null);
      await upload(clip, new Blob([wav], { type: 'audio/wav' }));
      return;
    }
    try {
      recording.current = await recordMicrophone();
      setRecordingClip(clip.name);
    } catch {
      setMessage({ clip: clip.name, tone: 'error', text: tr('set.clipNoMicrophone') });
    }
  };
  const remove = async (clip: ClipRow) => {
    await call(`api/clips/${clip.name}`, { method: 'DELETE' });
    await load();
  };
  if (!clips) return null;
  const missing = clips.filter((c) => c.source !== 'office').map((c) => c.text);
  const sources = {
    office: 'set.clipOffice',
    bundled: 'set.clipBundled',
    missing: 'set.clipMissing',
  } as const;
  return (
    <section className="panel" aria-labelledby="clips-title">
      <h2 id="clips-title">{tr('set.clips')}</h2>
      <p className="muted">{tr('set.clipsHint')}</p>
      <p data-testid="clips-missing">
        {missing.length ? tr('set.clipsMissing', { words: missing.join(', ') }) : tr('set.clipsAllDone')}
      </p>
      <table className="clips">
        <thead>
          <tr>
            <th>{tr('set.clipWord')}</th>
            <th>{tr('set.clipSource')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {clips.map((clip) => (
            <Fragment key={clip.name}>
              <tr>
                <td>{clip.text}</td>
                <td>{tr(sources[clip.source])}</td>
                <td className="clip-actions">
                  {clip.source !== 'missing' && (
                    <button type="button" onClick={() => void new Audio(`/clips/${clip.name}`).play()}>
                      {tr('set.clipPlay')}
                    </button>
                  )}
                  <button
                    type="button"
                    disabled={recordingClip !== null && recordingClip !== clip.name}
                    aria-pressed={recordingClip === clip.name}
                    onClick={() => void record(clip)}
                  >
                    {recordingClip === clip.name
                      ? tr('set.clipStop')
                      : tr('set.clipRecord', { word: clip.text })}
                  </button>
                  <FileButton
                    accept="audio/wav,audio/x-wav,audio/mpeg,.wav,.mp3"
                    label={tr('set.clipUpload', { word: clip.text })}
                    onFile={(file) => void upload(clip, file)}
                  />
                  {clip.source === 'office' && (
                    <button type="button" className="link-button" onClick={() => void remove(clip)}>
                      {tr('set.clipRemove')}
                    </button>
                  )}
                </td>
              </tr>
              {message?.clip === clip.name && (
                <tr className="clip-message">
                  <td colSpan={3}>
                    <p className={`notice ${message.tone}`} role={message.tone === 'ok' ? 'status' : 'alert'}>
                      {message.tone === 'error' && `${clip.text}: `}
                      {message.text}
                    </p>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export const voiceClipsSection: SettingsSection = { id: 'voice-clips', Component: VoiceClipsForm };
