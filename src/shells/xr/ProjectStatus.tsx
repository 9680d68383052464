// The project's status under the XR shell's entry card, from the same model the headset's milestone panel draws.
import { useMemo } from 'react';
import { useAppState, useI18n } from '../../react/AppContext';
import { milestonePanelModel } from '../../xr/panel-layout';

export function ProjectStatus() {
  const i18n = useI18n();
  const data = useAppState((s) => s.feed.data);
  const model = useMemo(() => milestonePanelModel(data, i18n), [data, i18n]);
  if (!model) return <p className="muted">{i18n.t('project.loading')}</p>;
  return (
    <section className="panel" style={{ maxWidth: '36rem', width: '100%', borderRadius: '0.75rem' }} aria-labelledby="xr-project-title">
      <h2 id="xr-project-title" className="panel__title">
        {model.title}
      </h2>
      <p className="phase">{model.phase}</p>
      <p>
        <strong data-testid="funding-raised">{model.raised}</strong> <span className="muted">{model.goal}</span>
      </p>
      <dl className="facts">
        {model.facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <h2>{model.heading}</h2>
      {model.milestones.length === 0 ? (
        <p className="muted">{model.empty}</p>
      ) : (
        <ol className="milestones">
          {model.milestones.map((m, i) => (
            <li key={i} className="milestone">
              <span className="milestone__kind">{m.kind}</span> <span className="milestone__title">{m.title}</span>{' '}
              <span className="milestone__time muted">{m.time}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

